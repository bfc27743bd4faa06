// An e-mail as an RFC 5322 message (.eml): plain text in UTF-8, quoted-printable, a subject encoded per RFC 2047 when
// it is not plain ASCII. Writing and reading back only what this module writes; no HTML, no attachments.
import { type MailMessage, ValidationError } from "@meldpunt/domain";

/** A bare address: no display name, no comment, nothing that could end a header or add a recipient. */
const ADDRESS = /^[^\s@<>(),;:"\\[\]]{1,64}@[^\s@<>(),;:"\\[\]]{1,190}$/;
const MAX_SUBJECT = 500;
/** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters. */
const LINE = 78;

export function isMailAddress(value: string): boolean {
  return ADDRESS.test(value);
}

/** Refuses what would make a broken or forged header: an odd address, a line break in the subject. */
export function checkMessage(message: MailMessage): void {
  const issues = [];
  if (message.to.length === 0 || !message.to.every(isMailAddress)) {
    issues.push({ field: "to", message: { nl: "Geen geldig e-mailadres.", en: "Not a valid e-mail address." } });
  }
  if (/[\r\n]/.test(message.subject) || message.subject.length > MAX_SUBJECT) {
    issues.push({ field: "subject", message: { nl: "Geen geldig onderwerp.", en: "Not a valid subject." } });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

export interface EmlHeaders {
  from: string;
  date: Date;
  messageId: string;
}

/** The whole message, CRLF line ends. */
export function formatEml(message: MailMessage, headers: EmlHeaders): string {
  checkMessage(message);
  if (!isMailAddress(headers.from)) throw new ValidationError([{ field: "from", message: { nl: "Geen geldig e-mailadres.", en: "Not a valid e-mail address." } }]);
  const lines = [
    `From: ${headers.from}`,
    foldList("To: ", message.to),
    `Subject: ${encodeSubject(message.subject)}`,
    `Date: ${rfc5322Date(headers.date)}`,
    `Message-ID: <${headers.messageId}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    encodeQuotedPrintable(message.text),
  ];
  return lines.join("\r\n");
}

/** `Sat, 15 Jun 2030 08:00:00 +0000`. */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

/** Addresses separated by commas, folded before an address that would pass the line length. */
function foldList(name: string, items: string[]): string {
  let out = name;
  let line = name.length;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (i > 0 && line + 1 + piece.length > LINE) {
      out += `\r\n ${piece}`;
      line = 1 + piece.length;
    } else {
      out += `${i > 0 ? " " : ""}${piece}`;
      line += (i > 0 ? 1 : 0) + piece.length;
    }
  });
  return out;
}

/**
 * Plain printable ASCII that fits on the line stays as it is; anything else becomes RFC 2047 encoded words (UTF-8,
 * base64), each at most 64 characters and never splitting a character, folded one per line.
 */
export function encodeSubject(subject: string): string {
  if (/^[\x20-\x7e]*$/.test(subject) && "Subject: ".length + subject.length <= LINE) return subject;
  const words: string[] = [];
  let chunk = "";
  for (const char of subject) {
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join("\r\n ");
}

/** RFC 2045 §6.7: every line at most 76 characters, soft breaks with "=", trailing blanks encoded. */
export function encodeQuotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const bytes = Buffer.from(line, "utf8");
      const tokens = [...bytes].map((b, i) => {
        const last = i === bytes.length - 1;
        if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) return String.fromCharCode(b);
        return `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
      });
      const out: string[] = [];
      let current = "";
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = "";
        }
        current += token;
      }
      out.push(current);
      return out.join("\r\n");
    })
    .join("\r\n");
}

export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/[ \t]+(?=\r?\n|$)/g, "").replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
}

/** RFC 2047 encoded words in UTF-8 (B or Q), with the blanks between adjacent ones dropped. */
export function decodeWords(value: string): string {
  const word = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  return value.replace(/(\?=)\s+(?==\?)/g, "$1").replace(word, (_whole, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

export interface ParsedEml {
  from: string;
  to: string[];
  subject: string;
  date: string;
  messageId: string;
  text: string;
}

/** Reads a message this module wrote: unfolds the headers, decodes the subject and the body. */
export function parseEml(source: string): ParsedEml {
  const split = source.indexOf("\r\n\r\n");
  const head = split < 0 ? source : source.slice(0, split);
  const body = split < 0 ? "" : source.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n(?=[ \t])/g, "").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const date = new Date(headers.get("date") ?? "");
  return {
    from: headers.get("from") ?? "",
    to: (headers.get("to") ?? "").split(",").map((a) => a.trim()).filter(Boolean),
    subject: decodeWords(headers.get("subject") ?? ""),
    date: Number.isNaN(date.getTime()) ? "" : date.toISOString(),
    messageId: (headers.get("message-id") ?? "").replace(/^<|>$/g, ""),
    text: encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body.replace(/\r\n/g, "\n"),
  };
}
