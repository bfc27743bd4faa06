// The embedded default's attachments: one file per sealed blob at `<root>/<member>/<caseId>/<blobId>` (files 0600,
// folders 0700). The bytes are already sealed under the case's data key; this only keeps them.
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { type BlobKey, type BlobStore, ConflictError, HubError, UnavailableError } from "@meldpunt/domain";
import { blobKeyParts } from "./blob-key";

export interface LocalBlobStoreOptions {
  /** The blobs folder, e.g. `.data/blobs`; made (0700) on the first put. */
  root: string;
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** A domain error passes through; anything the file system throws (EACCES, ENOSPC, EIO…) is an outage. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new UnavailableError({ cause: error });
  }
}

/** Makes a new or removed directory entry durable; best effort, since not every platform can fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse; the blob file itself is already synced.
  }
}

export function createLocalBlobStore({ root }: LocalBlobStoreOptions): BlobStore {
  /** Checks every part before any path is built: a bad key never reaches the file system. */
  function locate(key: BlobKey) {
    const [member, caseId, blobId] = blobKeyParts(key);
    const memberDir = join(root, member);
    const caseDir = join(memberDir, caseId);
    return { memberDir, caseDir, blobId, file: join(caseDir, blobId) };
  }

  async function ensureDirs(dirs: string[], deepest: string): Promise<void> {
    await mkdir(deepest, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask and ignored for an existing folder: set it explicitly on each level.
    for (const dir of dirs) await chmod(dir, 0o700);
  }

  return {
    async put(key, sealed) {
      const { memberDir, caseDir, blobId, file } = locate(key);
      await guard(async () => {
        await ensureDirs([root, memberDir, caseDir], caseDir);
        // Write the whole blob to a private temp file in the same folder first, then hard-link it under its final name
        // and drop the temp name. link(2) is atomic and fails with EEXIST when the name exists, so an existing blob is
        // never replaced (rename(2) would silently replace it), and a crash at any point never leaves a half-written
        // file under the final name: at worst a temp file is left over. Its name (leading dot, random suffix) can never
        // be a valid blob id, so get and delete never see it. Opening the final name with "wx" and writing there would
        // also refuse to overwrite, but a crash mid-write would leave a truncated blob that get would return.
        const temp = join(caseDir, `.${blobId}.${randomBytes(8).toString("hex")}.tmp`);
        const handle = await open(temp, "wx", 0o600);
        try {
          try {
            await handle.chmod(0o600); // the umask may have narrowed the mode; make it exactly 0600
            await handle.writeFile(sealed);
            await handle.sync();
          } finally {
            await handle.close();
          }
          try {
            await link(temp, file);
          } catch (error) {
            if (isErrno(error, "EEXIST")) throw new ConflictError();
            throw error;
          }
          await syncDir(caseDir);
        } finally {
          await unlink(temp).catch((error: unknown) => {
            if (!isErrno(error, "ENOENT")) throw error;
          });
        }
      });
    },

    async get(key) {
      const { file } = locate(key);
      return guard(async () => {
        try {
          return await readFile(file);
        } catch (error) {
          if (isErrno(error, "ENOENT")) return undefined;
          throw error;
        }
      });
    },

    async delete(key) {
      const { caseDir, file } = locate(key);
      await guard(async () => {
        try {
          await unlink(file);
        } catch (error) {
          if (isErrno(error, "ENOENT")) return;
          throw error;
        }
        await syncDir(caseDir);
      });
    },
  };
}
