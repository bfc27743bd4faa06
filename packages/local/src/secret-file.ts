// Secrets the embedded default makes on first start and keeps under the data folder: the session key and the
// embedded provider's keys. Private to the user (file 0600, folder 0700), written whole, never replaced.
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, open, readFile, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/** The file's bytes; if it does not exist yet, `make()` is written first. Two starts at once agree on one value. */
export async function readOrCreateSecret(path: string, make: () => Buffer | Promise<Buffer>): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for an existing folder.
  await chmod(dir, 0o700);
  // A private temp file linked into place: no reader sees half a secret, and link refuses to replace an existing one.
  const temp = `${path}.${randomBytes(8).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(await make());
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temp);
  }
  return readFile(path);
}
