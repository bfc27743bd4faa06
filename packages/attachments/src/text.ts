// Plain text and e-mail recognition. Text must be valid UTF-8 without control characters, so that a binary file
// (which nearly always has NUL or invalid sequences early on) is never taken for text.

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The text, or undefined when the bytes are not UTF-8 or hold a C0 control character other than tab, LF, FF or CR. */
export function decodePlainText(bytes: Uint8Array): string | undefined {
  // Checking bytes is enough: in UTF-8 a byte below 0x20 only ever encodes that control character itself.
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A header field name (RFC 5322 ftext: printable ASCII except the colon) followed by the colon. */
const HEADER_LINE = /^[!-9;-~]+:/;
/** Headers every real message has at least one of; they tell an e-mail from a text that happens to start "Note: ...". */
const MESSAGE_HEADERS = new Set(["from", "date", "subject", "received", "message-id", "mime-version"]);

/**
 * Whether a text is an e-mail message: it starts with RFC 5322 header lines (continuation lines folded with leading
 * space or tab) up to the first empty line or the end, and has at least one of From, Date, Subject, Received,
 * Message-ID or MIME-Version among them.
 */
export function isEmail(text: string): boolean {
  let seenHeader = false;
  let seenMessageHeader = false;
  let pos = 0;
  while (pos < text.length) {
    const newline = text.indexOf("\n", pos);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(pos, text[lineEnd - 1] === "\r" && lineEnd > pos ? lineEnd - 1 : lineEnd);
    pos = lineEnd + 1;
    if (line === "") break;
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (!seenHeader) return false;
      continue;
    }
    const match = HEADER_LINE.exec(line);
    if (!match) return false;
    seenHeader = true;
    if (MESSAGE_HEADERS.has(line.slice(0, match[0].length - 1).toLowerCase())) seenMessageHeader = true;
  }
  return seenMessageHeader;
}
