// A sub-app whose code is imported by the first request that reaches it: the Lambda mounts the staff side this way,
// so a reporter's cold start never parses the staff pages. It answers with the loaded app; a path that app does not
// know goes on to the routes after it (and to the app's 404), and its errors go to the app's one error mapping.
import { type Context, Hono } from "hono";
import type { AppEnv } from "./app";

/** What the loaded app gets as its env: the request's context in the outer app, and whether it found no route. */
type Outer = { outer: Context<AppEnv>; unmatched: boolean };
type InnerEnv = { Bindings: Outer; Variables: AppEnv["Variables"] };

export function lazyRoutes(load: () => Promise<Hono<AppEnv>>): Hono<AppEnv> {
  let inner: Promise<Hono<InnerEnv>> | undefined;
  const app = new Hono<AppEnv>();
  app.all("*", async (c, next) => {
    // A failed import is not kept: the next request tries again.
    inner ??= load().then(wrap, (error: unknown) => {
      inner = undefined;
      throw error;
    });
    const env: Outer = { outer: c, unmatched: false };
    const res = await (await inner).fetch(c.req.raw, env);
    if (!env.unmatched) return res;
    await next();
  });
  return app;
}

function wrap(routes: Hono<AppEnv>): Hono<InnerEnv> {
  const app = new Hono<InnerEnv>();
  // The outer app's per-request values (language, request id), as its middleware set them.
  app.use(async (c, next) => {
    c.set("lang", c.env.outer.get("lang"));
    c.set("requestId", c.env.outer.get("requestId"));
    await next();
  });
  app.route("/", routes);
  app.notFound((c) => {
    c.env.unmatched = true;
    return c.body(null, 404);
  });
  // Rethrown, so that the outer app's onError maps it (status, page, log line) like any other error.
  app.onError((error) => {
    throw error;
  });
  return app;
}
