// Brute-forcing a locator is slowed as specified (issue 3, item 8; docs/decisions.md 20): through the app, on the real
// embedded store, with an injected clock.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { createApp } from "@meldpunt/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, issuedForm, rawItems, receiptCodeIn, type TestApp, testApp, viewMailbox } from "./support/local";

let t: TestApp;
let now = new Date("2025-03-03T09:00:00.000Z");
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await testApp();
  app = createApp({ ...t.deps, clock: { now: () => now } });
});
afterAll(async () => {
  await t.close();
});

const valid = { member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Er verdwijnt geld uit de kas van de sportkantine." };
/** What a browser would send along: none of it may end up in the table. */
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Throttle-Test/1.0";
const ADDRESS = "203.0.113.77";

/** A sign-in as a browser makes it (into the mailbox when the code is let in). */
const attempt = (code: string, lang?: "en") =>
  viewMailbox(
    (path, init) => app.request(path, { ...init, headers: { ...(init?.headers as Record<string, string>), "User-Agent": BROWSER, "X-Forwarded-For": ADDRESS } }),
    code,
    lang,
  );
const locatorOf = (code: string) => code.replaceAll("-", "").slice(0, 8);
const secretOf = (code: string) => code.replaceAll("-", "").slice(8);
/** The same locator with a wrong secret: one character of the secret part changed. */
const wrongSecret = (code: string) => `${code.slice(0, 10)}${code[10] === "0" ? "1" : "0"}${code.slice(11)}`;
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const throttleItem = async (locator: string) =>
  (await rawItems(t)).map((item) => unmarshall(item)).find((item) => item.pk === `THROTTLE#${locator}`);

describe("brute-forcing a locator", () => {
  let code: string;
  beforeAll(async () => {
    code = receiptCodeIn(await (await app.request("/melden", form({ ...(await issuedForm(app)), ...valid }))).text());
  });

  it("refuses the sixth attempt after five wrong secrets, even with the right code, at the code field, with 429", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await attempt(wrongSecret(code));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Bij deze code vinden we geen melding");
    }
    const res = await attempt(code);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("60");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/<p class="utrecht-form-field-error-message" id="code-error">[^<]*Probeer het over 1 minuut opnieuw/);
    expect(html).toContain('aria-describedby="code-hint code-error"');
    expect(html).not.toContain(valid.description);
    expect(html).not.toContain("Gemeente Hoorn");
    expect(html).not.toContain(locatorOf(code));
    expect(html).not.toContain(secretOf(code));

    const en = await attempt(code, "en");
    expect(en.status).toBe(429);
    expect(await en.text()).toContain("Try again in 1 minute.");
  });

  it("keeps the locator and counters only: no secret, no address, no browser", async () => {
    const item = await throttleItem(locatorOf(code));
    expect(item).toEqual({
      pk: `THROTTLE#${locatorOf(code)}`,
      sk: "THROTTLE",
      entity: "throttle",
      failures: 5,
      lastFailureAt: now.getTime() / 1000,
      expiresAt: now.getTime() / 1000 + 24 * 60 * 60,
    });
    const dump = JSON.stringify(await rawItems(t));
    for (const trace of [secretOf(code), secretOf(wrongSecret(code)), ADDRESS, "Throttle-Test", "Mozilla"]) expect(dump).not.toContain(trace);
  });

  it("lets the right code in once the minute has passed, and starts the count over", async () => {
    advance(59);
    const early = await attempt(code);
    expect(early.status).toBe(429);
    expect(early.headers.get("Retry-After")).toBe("1");
    advance(1);
    const res = await attempt(code);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(valid.description);
    expect(await throttleItem(locatorOf(code))).toBeUndefined();
    for (let i = 0; i < 5; i++) expect((await attempt(wrongSecret(code))).status).toBe(400);
    expect((await attempt(wrongSecret(code))).status).toBe(429);
  });

  it("doubles the wait after every further failure", async () => {
    advance(60);
    expect((await attempt(wrongSecret(code))).status).toBe(400); // the sixth failure
    const res = await attempt(code);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("120");
    expect(await res.text()).toContain("Probeer het over 2 minuten opnieuw");
  });

  it("slows a locator that has no case exactly alike, so the throttle tells nobody which locators exist", async () => {
    const real = receiptCodeIn(await (await app.request("/melden", form({ ...(await issuedForm(app)), ...valid }))).text());
    let unknown = "ZZZZ-ZZZZ-0000-0000-0000-0000";
    if (locatorOf(unknown) === locatorOf(real)) unknown = "YYYY-YYYY-0000-0000-0000-0000";
    const answers = async (c: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await attempt(c);
        seen.push(`${res.status} ${res.headers.get("Retry-After")} ${(await res.text()).match(/id="code-error">([^<]*)</)?.[1]}`);
      }
      return seen;
    };
    const forReal = await answers(wrongSecret(real));
    expect(forReal.slice(5)).toEqual([expect.stringMatching(/^429 60 /), expect.stringMatching(/^429 60 /)]);
    expect(await answers(unknown)).toEqual(forReal);
  });
});
