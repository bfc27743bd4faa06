import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConflictError, UnavailableError, ValidationError } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createLocalBlobStore } from "../src/index";
import { BAD_KEYS, KEY, rejection } from "./fixtures";
import { useTempDirs } from "./temp-dir";

const tempDir = useTempDirs();
const mode = async (path: string) => (await stat(path)).mode & 0o777;
const exists = (path: string) => stat(path).then(() => true, () => false);

async function fresh() {
  const root = join(await tempDir(), "blobs");
  return { root, store: createLocalBlobStore({ root }), caseDir: join(root, KEY.member, KEY.caseId) };
}

describe("local blob store", () => {
  it("round-trips a 10 MB blob to <root>/<member>/<caseId>/<blobId>", async () => {
    const { store, caseDir } = await fresh();
    const sealed = randomBytes(10 * 1024 * 1024);
    await store.put(KEY, sealed);
    expect((await readFile(join(caseDir, KEY.blobId))).equals(sealed)).toBe(true);
    const back = await store.get(KEY);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back as Uint8Array).equals(sealed)).toBe(true);
    expect(await readdir(caseDir)).toEqual([KEY.blobId]); // no temp file left behind
  });

  it("round-trips an empty blob", async () => {
    const { store } = await fresh();
    await store.put(KEY, new Uint8Array());
    expect((await store.get(KEY))?.length).toBe(0);
  });

  it("returns undefined for a blob that was never stored, also when its folders do not exist", async () => {
    const { store } = await fresh();
    expect(await store.get(KEY)).toBeUndefined();
    await store.put(KEY, Buffer.from("a"));
    expect(await store.get({ ...KEY, blobId: "00000000000000000000000000" })).toBeUndefined();
    expect(await store.get({ ...KEY, member: "gemeente-b" })).toBeUndefined();
  });

  it("never overwrites: a second put of the same key is a ConflictError and the first content stays", async () => {
    const { store, caseDir } = await fresh();
    await store.put(KEY, Buffer.from("first"));
    const error = await rejection(store.put(KEY, Buffer.from("second, longer")));
    expect(error).toBeInstanceOf(ConflictError);
    expect(Buffer.from((await store.get(KEY)) as Uint8Array).toString()).toBe("first");
    expect(await readdir(caseDir)).toEqual([KEY.blobId]);
  });

  it("lets exactly one of several racing puts of one key win, whole", async () => {
    const { store, caseDir } = await fresh();
    const contents = Array.from({ length: 8 }, () => randomBytes(256 * 1024));
    const results = await Promise.allSettled(contents.map((c) => store.put(KEY, c)));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    const stored = Buffer.from((await store.get(KEY)) as Uint8Array);
    expect(stored.equals(contents[won[0] as number] as Buffer)).toBe(true);
    expect(await readdir(caseDir)).toEqual([KEY.blobId]);
  });

  it("deletes idempotently", async () => {
    const { store } = await fresh();
    await store.delete(KEY); // nothing there, not even the folders
    await store.put(KEY, Buffer.from("sealed"));
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeUndefined();
    await store.delete(KEY);
    // The key is free again (blob ids are random, so this happens only in tests).
    await store.put(KEY, Buffer.from("again"));
    expect(Buffer.from((await store.get(KEY)) as Uint8Array).toString()).toBe("again");
  });

  it("writes files with mode 0600 in folders with mode 0700", async () => {
    const { root, store, caseDir } = await fresh();
    await store.put(KEY, Buffer.from("sealed"));
    expect(await mode(join(caseDir, KEY.blobId))).toBe(0o600);
    expect(await mode(caseDir)).toBe(0o700);
    expect(await mode(join(root, KEY.member))).toBe(0o700);
    expect(await mode(root)).toBe(0o700);
  });

  it("tightens existing folders to 0700", async () => {
    const { root, store, caseDir } = await fresh();
    await mkdir(caseDir, { recursive: true, mode: 0o755 });
    await chmod(root, 0o755);
    await chmod(join(root, KEY.member), 0o755);
    await chmod(caseDir, 0o777);
    await store.put(KEY, Buffer.from("sealed"));
    for (const dir of [root, join(root, KEY.member), caseDir]) expect(await mode(dir)).toBe(0o700);
  });

  it("never returns a temp file left by an interrupted write, and the blob can still be written", async () => {
    const { store, caseDir } = await fresh();
    const other = { ...KEY, blobId: "Q6EJDFVK5BRA1DWH1Z1MT57D00" };
    await store.put(KEY, Buffer.from("complete"));
    // What a crash between writing and linking leaves: a half-written temp file, no file under the final name.
    const leftover = join(caseDir, `.${other.blobId}.0123456789abcdef.tmp`);
    await writeFile(leftover, Buffer.from("half-wri"), { mode: 0o600 });
    await writeFile(join(caseDir, `.${KEY.blobId}.fedcba9876543210.tmp`), Buffer.from("half"), { mode: 0o600 });

    expect(await store.get(other)).toBeUndefined();
    expect(Buffer.from((await store.get(KEY)) as Uint8Array).toString()).toBe("complete");
    await store.put(other, Buffer.from("half-written no more"));
    expect(Buffer.from((await store.get(other)) as Uint8Array).toString()).toBe("half-written no more");
    await store.delete(other);
    expect(await store.get(other)).toBeUndefined();
  });

  it.each(BAD_KEYS)("refuses a key with %s before it touches the file system", async (_what, key, field) => {
    const { root, store } = await fresh();
    for (const attempt of [store.put(key, Buffer.from("x")), store.get(key), store.delete(key)]) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual([field]);
    }
    expect(await exists(root)).toBe(false); // put made no folder
  });

  it("maps file system failures to UnavailableError, keeping the cause", async () => {
    const dir = await tempDir();
    const root = join(dir, "blobs");
    await writeFile(root, "not a folder");
    const store = createLocalBlobStore({ root });
    for (const attempt of [store.put(KEY, Buffer.from("x")), store.get(KEY), store.delete(KEY)]) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(UnavailableError);
      expect((error as UnavailableError).cause).toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    }
  });
});
