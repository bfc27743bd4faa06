import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { IntegrityError, type KeyContext, ValidationError } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createEnvelopeSealer, createLocalKeyring } from "../src/index";
import { useTempDirs } from "./temp-dir";

const tempDir = useTempDirs();
const ctx: KeyContext = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" };
const mode = async (path: string) => (await stat(path)).mode & 0o777;

async function keysDir() {
  return join(await tempDir(), "keys");
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("local keyring", () => {
  it("creates a 32-byte key file with mode 0600 in a directory with mode 0700", async () => {
    const dir = await keysDir();
    await createLocalKeyring({ dir }).ensureMemberKey("gemeente-a");
    const file = join(dir, "gemeente-a.key");
    expect((await readFile(file)).length).toBe(32);
    expect(await mode(file)).toBe(0o600);
    expect(await mode(dir)).toBe(0o700);
    expect(await readdir(dir)).toEqual(["gemeente-a.key"]);
  });

  it("tightens an existing key directory to 0700", async () => {
    const dir = await keysDir();
    await mkdir(dir, { mode: 0o755 });
    await createLocalKeyring({ dir }).ensureMemberKey("gemeente-a");
    expect(await mode(dir)).toBe(0o700);
  });

  it("creates the key once: a second keyring on the same dir reads it and opens what the first sealed", async () => {
    const dir = await keysDir();
    const first = createLocalKeyring({ dir });
    await first.ensureMemberKey("gemeente-a");
    const before = await readFile(join(dir, "gemeente-a.key"));
    await first.ensureMemberKey("gemeente-a");

    const second = createLocalKeyring({ dir });
    await second.ensureMemberKey("gemeente-a");
    expect((await readFile(join(dir, "gemeente-a.key"))).equals(before)).toBe(true);

    const sealed = await createEnvelopeSealer(first).sealNew(ctx, new TextEncoder().encode("melding"));
    const opened = await createEnvelopeSealer(second).open(ctx, sealed.dataKey, sealed.envelope);
    expect(Buffer.from(opened).toString()).toBe("melding");
  });

  it("never overwrites when several starts race to create the key", async () => {
    const dir = await keysDir();
    const keyrings = Array.from({ length: 8 }, () => createLocalKeyring({ dir }));
    const sealed = await Promise.all(keyrings.map((k) => createEnvelopeSealer(k).sealNew(ctx, Buffer.from("race"))));
    // Every keyring ended up with the one key on disk: each can open what any other sealed.
    const reader = createEnvelopeSealer(createLocalKeyring({ dir }));
    for (const { dataKey, envelope } of sealed) {
      expect(Buffer.from(await reader.open(ctx, dataKey, envelope)).toString()).toBe("race");
    }
    expect(await readdir(dir)).toEqual(["gemeente-a.key"]); // no temp files left behind
  });

  it("generateDataKey creates the key of a member onboarded later", async () => {
    const dir = await keysDir();
    const keyring = createLocalKeyring({ dir });
    await keyring.ensureMemberKey("gemeente-a");
    const late: KeyContext = { member: "gr-nieuw", caseId: ctx.caseId };
    const { plaintext, wrapped } = await keyring.generateDataKey(late);
    expect(plaintext.length).toBe(32);
    expect(wrapped.keyId).toBe("local:gr-nieuw");
    expect(wrapped.blob.length).toBe(1 + 12 + 32 + 16);
    expect(Buffer.from(await keyring.unwrapDataKey(late, wrapped)).equals(Buffer.from(plaintext))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(["gemeente-a.key", "gr-nieuw.key"]);
  });

  it("unwrap with a missing key throws missing-key and creates no file", async () => {
    const dir = await keysDir();
    const { wrapped } = await createLocalKeyring({ dir: await keysDir() }).generateDataKey(ctx);
    const keyring = createLocalKeyring({ dir });
    await keyring.ensureMemberKey("gemeente-b"); // the directory exists, member A's key does not
    const error = await rejection(keyring.unwrapDataKey(ctx, wrapped));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toBe("missing-key");
    expect(await readdir(dir)).toEqual(["gemeente-b.key"]);
  });

  it("unwrap with a key from another keyring dir fails as wrong-context-or-tampered", async () => {
    const { wrapped } = await createLocalKeyring({ dir: await keysDir() }).generateDataKey(ctx);
    const other = createLocalKeyring({ dir: await keysDir() });
    await other.ensureMemberKey("gemeente-a"); // a different key for the same member
    const error = await rejection(other.unwrapDataKey(ctx, wrapped));
    expect((error as IntegrityError).reason).toBe("wrong-context-or-tampered");
  });

  it("refuses a wrapped key whose keyId names another member", async () => {
    const keyring = createLocalKeyring({ dir: await keysDir() });
    const { wrapped } = await keyring.generateDataKey(ctx);
    const error = await rejection(keyring.unwrapDataKey(ctx, { ...wrapped, keyId: "local:gemeente-b" }));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toBe("wrong-context-or-tampered");
  });

  it("refuses bad member ids before touching the file system", async () => {
    const root = await tempDir();
    const dir = join(root, "keys");
    const keyring = createLocalKeyring({ dir });
    for (const bad of ["../escape", "..", "a/b", "A", "", "a.key", "-a", "x".repeat(41), "a\0b"]) {
      expect(await rejection(keyring.ensureMemberKey(bad))).toBeInstanceOf(ValidationError);
      expect(await rejection(keyring.generateDataKey({ ...ctx, member: bad }))).toBeInstanceOf(ValidationError);
      const wrapped = { keyId: `local:${bad}`, blob: new Uint8Array(61) };
      expect(await rejection(keyring.unwrapDataKey({ ...ctx, member: bad }, wrapped))).toBeInstanceOf(ValidationError);
    }
    expect(await readdir(root)).toEqual([]);
  });

  it("never replaces a damaged key file", async () => {
    const dir = await keysDir();
    await mkdir(dir, { mode: 0o700 });
    await writeFile(join(dir, "gemeente-a.key"), Buffer.alloc(5), { mode: 0o600 });
    const error = await rejection(createLocalKeyring({ dir }).generateDataKey(ctx));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toBe("unknown-format");
    expect((await readFile(join(dir, "gemeente-a.key"))).length).toBe(5);
  });
});
