// A browser's cookie and redirect handling, just enough to log in through the embedded provider over real HTTP
// without Chromium: cookies kept per origin (Secure ones too, as browsers do on loopback), redirects followed by hand
// so that every hop can be looked at.
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.byOrigin.get(new URL(url).origin) ?? [])].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  take(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const cookies = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const gone = /max-age=0|expires=thu, 01 jan 1970/i.test(attributes.join(";"));
      if (gone || pair.slice(at + 1) === "") cookies.delete(name);
      else cookies.set(name, pair.slice(at + 1));
    }
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    this.byOrigin.set(origin, (this.byOrigin.get(origin) ?? new Map()).set(name, value));
  }
}

export interface Hop {
  url: string;
  status: number;
  location?: string;
}

/** One request with the jar's cookies; no redirect followed. */
export async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "text/html");
  const cookie = jar.header(url);
  if (cookie) headers.set("Cookie", cookie);
  const res = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.take(url, res);
  return res;
}

/** Follows redirects (at most 10) like a browser; returns every hop and the last answer. */
export async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<{ hops: Hop[]; res: Response; url: string }> {
  const hops: Hop[] = [];
  let res = await send(jar, url, init);
  for (let i = 0; i < 10; i++) {
    const location = res.headers.get("Location") ?? undefined;
    hops.push({ url, status: res.status, location });
    if (res.status < 300 || res.status >= 400 || !location) return { hops, res, url };
    await res.body?.cancel();
    url = new URL(location, url).href;
    res = await send(jar, url);
  }
  throw new Error(`too many redirects: ${hops.map((h) => h.url).join(" → ")}`);
}

export function formPost(values: Record<string, string>): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(values).toString() };
}

/** Starts at `start` (a hub page that needs login), fills the provider's login form, and follows back to the hub. */
export async function logIn(jar: CookieJar, start: string, username: string, password: string) {
  const atProvider = await follow(jar, start);
  const html = await atProvider.res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${atProvider.url}`);
  const back = await follow(jar, new URL(action, atProvider.url).href, formPost({ username, password }));
  return { atProvider, back, html: await back.res.text() };
}
