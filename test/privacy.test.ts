// The store holds ciphertext and hashes only: a submitted text and its receipt code are nowhere in the table
// (read back raw through the DynamoDB API) nor in any file under the data folder.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, issuedForm, rawItems, receiptCodeIn, type TestApp, testApp, viewMailbox } from "./support/local";

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("nothing readable at rest", () => {
  let t: TestApp;
  const marker = `MARKER-${randomUUID()}`;
  const name = `Jansen-${randomUUID().slice(0, 8)}`;
  // A confidential reporter's own details and the name of the person concerned: sealed like the text.
  const reporterName = `Melder-${randomUUID().slice(0, 8)}`;
  const reporterEmail = `melder-${randomUUID().slice(0, 8)}@voorbeeld.nl`;
  const period = `Periode-${randomUUID().slice(0, 8)}`;
  let code = "";
  /** The form's token, proof-of-work challenge and nonce: none of them is stored (decisions 21, 24). */
  let pow = { formToken: "", powChallenge: "" };

  beforeAll(async () => {
    t = await testApp();
    pow = await issuedForm(t.app, { solve: true });
    const res = await t.app.request(
      "/melden",
      form({
        ...pow,
        member: "enkhuizen",
        wants: "melding",
        reporterType: "medewerker",
        anonymity: "vertrouwelijk",
        contactName: reporterName,
        contactEmail: reporterEmail,
        personName: name,
        when: period,
        subcategories: "omgang.pesten",
        description: `${marker}: mijn collega ${name} intimideert mij.`,
      }),
    );
    expect(res.status).toBe(200);
    code = receiptCodeIn(await res.text());
  });
  afterAll(async () => {
    await t.close();
  });

  const forms = () => {
    const bare = code.replaceAll("-", "");
    // The secret part is what matters; the locator (first 8 characters) is stored in clear by design.
    // The form's token and its proof-of-work challenge (with its second) never reach the store either.
    const challengeMac = pow.powChallenge.split(".")[3] ?? "";
    return [marker, name, reporterName, reporterEmail, period, code, bare, bare.slice(8), pow.formToken, pow.powChallenge, challengeMac];
  };

  it("finds neither the text nor the receipt code in any raw item", async () => {
    const items = await rawItems(t);
    expect(items.length).toBeGreaterThan(0);
    // Binary attributes are decoded as latin1 so that every byte is searched, base64 forms as well.
    const dump = JSON.stringify(items, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : value));
    const base64 = JSON.stringify(items, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value));
    for (const secret of forms()) {
      expect(dump).not.toContain(secret);
      expect(base64).not.toContain(secret);
    }
    // The check can fail: the report is there, sealed.
    expect(dump).toContain("enkhuizen");
  });

  it("finds neither in any file under the data folder", async () => {
    const files = await filesUnder(t.dataDir);
    expect(files.some((f) => f.includes("dynamo"))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const secret of forms()) {
        expect(bytes.includes(Buffer.from(secret, "utf8")), `${secret} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret, "utf16le")), `${secret} in ${file}`).toBe(false);
      }
    }
  });

  it("still opens the report with the code", async () => {
    const res = await viewMailbox(t.app.request, code);
    expect(await res.text()).toContain(marker);
  });
});
