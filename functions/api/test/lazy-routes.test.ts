import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../src/app";
import { lazyRoutes } from "../src/lazy-routes";

/** An outer app shaped like createApp's: a language middleware, routes before and after, one error mapping. */
function outer(load: () => Promise<Hono<AppEnv>>) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("lang", c.req.query("lang") === "en" ? "en" : "nl");
    c.set("requestId", "req-1");
    await next();
  });
  app.onError((error, c) => c.text(`mapped: ${error.message}`, 500));
  app.notFound((c) => c.text("outer 404", 404));
  app.get("/health", (c) => c.text("ok"));
  app.route("/", lazyRoutes(load));
  app.get("/after", (c) => c.text("after"));
  return app;
}

function staff() {
  const routes = new Hono<AppEnv>();
  routes.get("/medewerker", (c) => c.text(`staff ${c.get("lang")} ${c.get("requestId")}`, 200, { "Set-Cookie": "a=b" }));
  routes.post("/uitloggen", async (c) => c.text(`posted ${(await c.req.parseBody()).csrf}`));
  routes.get("/kapot", () => {
    throw new Error("broken");
  });
  return routes;
}

describe("lazyRoutes", () => {
  it("loads the routes on the first request that reaches them, once, and not for routes answered before them", async () => {
    let loads = 0;
    const app = outer(async () => {
      loads++;
      return staff();
    });
    expect(await (await app.request("/health")).text()).toBe("ok");
    expect(loads).toBe(0);
    const res = await app.request("/medewerker?lang=en");
    expect(await res.text()).toBe("staff en req-1");
    expect(res.headers.get("Set-Cookie")).toBe("a=b");
    await app.request("/medewerker");
    expect(loads).toBe(1);
  });

  it("passes the body on, and lets paths it does not know go on to the routes after it and the app's 404", async () => {
    const app = outer(async () => staff());
    const posted = await app.request("/uitloggen", { method: "POST", body: new URLSearchParams({ csrf: "t" }) });
    expect(await posted.text()).toBe("posted t");
    expect(await (await app.request("/after")).text()).toBe("after");
    const missing = await app.request("/nergens");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("outer 404");
  });

  it("hands the routes' errors to the app's error mapping", async () => {
    const res = await outer(async () => staff()).request("/kapot");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("mapped: broken");
  });

  it("tries a failed import again on the next request", async () => {
    let loads = 0;
    const app = outer(async () => {
      if (++loads === 1) throw new Error("import failed");
      return staff();
    });
    expect(await (await app.request("/medewerker")).text()).toBe("mapped: import failed");
    expect((await app.request("/medewerker")).status).toBe(200);
    expect(loads).toBe(2);
  });
});
