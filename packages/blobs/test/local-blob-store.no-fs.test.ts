// Proves the key check comes before any file system call: every function of node:fs/promises is a spy here.
import * as fs from "node:fs/promises";
import { join } from "node:path";
import { ValidationError } from "@meldpunt/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createLocalBlobStore } from "../src/index";
import { BAD_KEYS, KEY, rejection } from "./fixtures";
import { useTempDirs } from "./temp-dir";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  const spied = Object.fromEntries(
    Object.entries(actual).map(([name, value]) => [name, typeof value === "function" ? vi.fn(value as (...args: unknown[]) => unknown) : value]),
  );
  return { ...spied, default: spied };
});

const tempDir = useTempDirs();
const fsCalls = () =>
  Object.values(fs)
    .filter((value) => vi.isMockFunction(value))
    .reduce((sum, spy) => sum + spy.mock.calls.length, 0);

describe("local blob store key check", () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("the spies see the file system calls of a good key", async () => {
    const store = createLocalBlobStore({ root: join(await tempDir(), "blobs") });
    vi.clearAllMocks();
    await store.put(KEY, Buffer.from("x"));
    expect(vi.mocked(fs.link)).toHaveBeenCalledTimes(1);
    expect(fsCalls()).toBeGreaterThan(0);
  });

  it.each(BAD_KEYS)("makes no file system call for a key with %s", async (_what, key) => {
    const store = createLocalBlobStore({ root: "/nonexistent/blobs" });
    for (const attempt of [store.put(key, Buffer.from("x")), store.get(key), store.delete(key)]) {
      expect(await rejection(attempt)).toBeInstanceOf(ValidationError);
    }
    expect(fsCalls()).toBe(0);
  });
});
