// A port whose adapter is loaded on its first call. Every method of the stores and the sealer is async, so a call
// can wait for the load; the Lambda then imports the AWS SDK only for requests that touch the table or a key,
// and a cold start for anything else (health checks, static pages) skips parsing it.
export function lazyPort<T extends object>(load: () => Promise<T>): T {
  let loaded: Promise<T> | undefined;
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable, not a symbol-keyed protocol: only named methods are forwarded.
      if (typeof name !== "string" || name === "then") return undefined;
      return async (...args: unknown[]) => {
        loaded ??= load();
        const port = await loaded;
        const method = port[name as keyof T];
        if (typeof method !== "function") throw new TypeError(`${name} is not a method of this port`);
        return method.apply(port, args);
      };
    },
  });
}
