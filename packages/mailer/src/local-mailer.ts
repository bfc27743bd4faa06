// The embedded default's Mailer: each message is an .eml file under the data folder (`<dataDir>/mail/`, files 0600,
// folder 0700) instead of a mail server, and a reader lists and opens them for the demo staff page. Names sort by time:
// `<UTC time, basic ISO>-<sequence>-<random>.eml`.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { type Clock, HubError, type Mailer, UnavailableError } from "@meldpunt/domain";
import { formatEml, parseEml } from "./eml";

export interface LocalMailerOptions {
  /** The mail folder, e.g. `.data/mail`; made (0700) on the first message. */
  dir: string;
  /** The From address, e.g. `meldpunt@localhost`. */
  sender: string;
  clock?: Clock;
}

/** What the demo page lists of a message. */
export interface StoredMailSummary {
  /** The file name: what `read` takes. */
  name: string;
  from: string;
  to: string[];
  subject: string;
  /** ISO 8601. */
  date: string;
}

export interface StoredMail extends StoredMailSummary {
  text: string;
}

export interface LocalMailbox {
  /** The newest messages first, at most `limit` (default 200). */
  list(limit?: number): Promise<StoredMailSummary[]>;
  /** One message by its file name; undefined for a name this mailer never wrote. */
  read(name: string): Promise<StoredMail | undefined>;
}

const NAME = /^\d{8}T\d{6}\.\d{3}Z-\d{6}-[0-9a-f]{8}\.eml$/;
const DEFAULT_LIST = 200;

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new UnavailableError({ cause: error });
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "ENOENT";
}

/** Orders messages written within the same millisecond, across mailers of one process. */
let sequence = 0;

export function createLocalMailer({ dir, sender, clock = { now: () => new Date() } }: LocalMailerOptions): Mailer {
  return {
    async send(message) {
      const date = clock.now();
      const id = randomBytes(4).toString("hex");
      sequence = (sequence + 1) % 1_000_000;
      const stamp = date.toISOString().replace(/[-:]/g, "");
      const name = `${stamp}-${String(sequence).padStart(6, "0")}-${id}.eml`;
      const domain = sender.slice(sender.indexOf("@") + 1);
      const eml = formatEml(message, { from: sender, date, messageId: `${stamp}.${id}@${domain}` });
      await guard(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await chmod(dir, 0o700);
        // Written under a temporary name and renamed: the reader never sees half a message.
        const temp = join(dir, `.${name}.tmp`);
        const handle = await open(temp, "wx", 0o600);
        try {
          await handle.chmod(0o600);
          await handle.writeFile(eml, "utf8");
          await handle.sync();
        } finally {
          await handle.close();
        }
        try {
          await rename(temp, join(dir, name));
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          throw error;
        }
      });
    },
  };
}

export function createLocalMailbox({ dir }: { dir: string }): LocalMailbox {
  async function load(name: string): Promise<StoredMail | undefined> {
    if (!NAME.test(name)) return undefined;
    let source: string;
    try {
      source = await readFile(join(dir, name), "utf8");
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const { from, to, subject, date, text } = parseEml(source);
    return { name, from, to, subject, date, text };
  }

  return {
    list: (limit = DEFAULT_LIST) =>
      guard(async () => {
        let names: string[];
        try {
          names = await readdir(dir);
        } catch (error) {
          if (isMissing(error)) return [];
          throw error;
        }
        const newest = names.filter((n) => NAME.test(n)).sort().reverse().slice(0, limit);
        const mails = await Promise.all(newest.map(load));
        return mails.filter((m): m is StoredMail => m !== undefined).map(({ text: _text, ...summary }) => summary);
      }),
    read: (name) => guard(() => load(name)),
  };
}
