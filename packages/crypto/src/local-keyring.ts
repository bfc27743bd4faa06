// The embedded default's member keys: one random 256-bit key per member in `<dir>/<member>.key`.
// The key files are the only copy: losing one makes that member's cases unreadable (that is also how shredding works).
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { createHmac, hkdfSync } from "node:crypto";
import { IntegrityError, type KeyContext, type MemberId, type MemberKeyring, type PersonTags, type WrappedKey } from "@meldpunt/domain";
import { openWithKey, sealWithKey } from "./envelope";
import { checkMemberId } from "./member-id";

const KEY_BYTES = 32;

export interface LocalKeyring extends MemberKeyring, PersonTags {
  /** Creates the member's key if absent; never replaces an existing one. */
  ensureMemberKey(member: MemberId): Promise<void>;
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Makes the new directory entry durable; best effort, since not every platform can fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some filesystems refuse; the key file itself is already synced.
  }
}

export function createLocalKeyring(options: { dir: string }): LocalKeyring {
  const { dir } = options;
  const keys = new Map<MemberId, Buffer>();
  let dirReady: Promise<void> | undefined;

  const keyPath = (member: MemberId) => join(dir, `${checkMemberId(member)}.key`);
  const keyIdOf = (member: MemberId) => `local:${member}`;

  function ensureDir(): Promise<void> {
    dirReady ??= (async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // mkdir's mode is filtered by the umask and ignored for an existing directory: set it explicitly.
      await chmod(dir, 0o700);
    })().catch((error: unknown) => {
      dirReady = undefined;
      throw error;
    });
    return dirReady;
  }

  async function readKey(member: MemberId): Promise<Buffer | undefined> {
    const cached = keys.get(member);
    if (cached) return cached;
    let key: Buffer;
    try {
      key = await readFile(keyPath(member));
    } catch (error) {
      if (isErrno(error, "ENOENT")) return undefined;
      throw error;
    }
    // Never "repair" a bad key file: it may be the only copy, and replacing it would shred the member's cases.
    if (key.length !== KEY_BYTES) throw new IntegrityError("unknown-format");
    keys.set(member, key);
    return key;
  }

  async function createKey(member: MemberId): Promise<Buffer> {
    await ensureDir();
    const path = keyPath(member);
    // Write the whole key to a private temp file first, then link it into place: link fails with EEXIST when the key
    // exists, so two starts never overwrite each other's key, and no reader ever sees a half-written key file.
    const temp = `${path}.${randomBytes(8).toString("hex")}.tmp`;
    const handle = await open(temp, "wx", 0o600);
    try {
      try {
        await handle.writeFile(randomBytes(KEY_BYTES));
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await link(temp, path);
        await syncDir(dir);
      } catch (error) {
        if (!isErrno(error, "EEXIST")) throw error;
      }
    } finally {
      // Must succeed: a leftover second name for the key would survive deleting `<member>.key` (crypto-shredding).
      await unlink(temp);
    }
    const key = await readKey(member);
    if (!key) throw new Error(`key file for ${member} vanished right after creation`);
    return key;
  }

  async function keyFor(member: MemberId): Promise<Buffer> {
    return (await readKey(member)) ?? (await createKey(member));
  }

  return {
    async ensureMemberKey(member) {
      await keyFor(checkMemberId(member));
    },

    async generateDataKey(ctx: KeyContext) {
      const member = checkMemberId(ctx.member);
      // A member onboarded after the first start gets its key on its first case.
      const memberKey = await keyFor(member);
      const plaintext = randomBytes(KEY_BYTES);
      const wrapped: WrappedKey = { keyId: keyIdOf(member), blob: sealWithKey(ctx, memberKey, plaintext) };
      return { plaintext, wrapped };
    },

    async tag(member, normalisedName) {
      // A key of its own for signals, derived from the member's key: it goes when the member's key goes.
      const memberKey = await keyFor(checkMemberId(member));
      const signalKey = Buffer.from(hkdfSync("sha256", memberKey, new Uint8Array(), "meldpunt person tag", 32));
      return createHmac("sha256", signalKey).update(normalisedName).digest("base64url");
    },

    async unwrapDataKey(ctx: KeyContext, wrapped: WrappedKey) {
      const member = checkMemberId(ctx.member);
      // A data key wrapped for another member never opens here, even before the AAD would refuse it.
      if (wrapped.keyId !== keyIdOf(member)) throw new IntegrityError("wrong-context-or-tampered");
      // Never create a key here: a fresh key could not open anything and would hide that the real one is gone.
      const memberKey = await readKey(member);
      if (!memberKey) throw new IntegrityError("missing-key");
      const key = openWithKey(ctx, memberKey, wrapped.blob);
      if (key.length !== KEY_BYTES) throw new IntegrityError("unknown-format");
      return key;
    },
  };
}
