// The p99 latency of a full report submission with one 1 MB attachment, 20 concurrent clients, on the local hub
// (embedded default), as a ratio to a bare hono app on the same server (@hono/node-server) that only reads the same
// multipart body: the figure says what the hub's own work costs on top of receiving 1 MB, not how fast this box is.
//
// The load: 20 clients, each a loop that posts one request at a time over a keep-alive connection of its own
// (node:http), for one second of warm-up and then `seconds` per phase, in this process, against both servers alike.
// Not autocannon (submit-rate.ts): autocannon stops at the end of its duration and drops the requests still running,
// at ~1.5 s a submission about 20 of ~150, the slow ones more likely than the quick ones, which is exactly the tail a
// p99 is about (with BENCH_SECONDS=1 it dropped every submission). Here a request sent before the end is waited for
// and counted. Each request gets a body of its own (for the hub a fresh form token and challenge), made before its
// clock starts: only the POST is timed, from sending it to the last byte of the answer. The percentile is the nearest
// rank over every 2xx answer (`percentile` in stats.ts), on fractional milliseconds.
import { createCipheriv } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { type Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type LocalHub, startLocalHub } from "@meldpunt/local";
import { Hono } from "hono";
import { closedLoop, type LatencyFigures } from "./stats";

export type { LatencyFigures };


export interface SubmitP99 {
  bareHono: LatencyFigures;
  submit: LatencyFigures;
  /** submit p99 ÷ bare hono p99. */
  ratio: number;
  attachmentBytes: number;
  /** Wall time of the whole measurement: both phases, the hub's start and stop. */
  ms: number;
}

export const SUBMIT_P99_CLIENTS = 20;

/**
 * Load before the measured part of each phase, in the same loops (no pause, so the clients do not start the measured
 * part in step): the first requests of a fresh server are slower (code not yet optimised), and at the hub the first
 * wave of 20 submissions arrives all at once, which steady use does not do. One wave of submissions takes ~1.5 s,
 * so every measured one was sent after the first wave.
 */
/** Longer than any submission takes even on a busy machine; a request that takes longer counts as an error. */
const REQUEST_TIMEOUT_MS = 60_000;
const BOUNDARY = "----meldpunt-bench-5c1f0e7a9b2d4863";
export const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const CRLF = Buffer.from("\r\n");

/** Bare hono first, then submissions, one after the other in this process; each phase lasts `seconds`. */
export async function measureSubmitP99(seconds: number): Promise<SubmitP99> {
  const started = performance.now();
  const attachment = noisePdf();
  // The parts are written as they are; a boundary inside the file would end it early. Deterministic bytes: never.
  if (attachment.includes(BOUNDARY)) throw new Error("the attachment contains the multipart boundary");
  const bareHono = await measureBareHono(seconds, attachment);
  const submit = await measureSubmit(seconds, attachment);
  return { bareHono, submit, ratio: submit.p99Ms / bareHono.p99Ms, attachmentBytes: attachment.length, ms: performance.now() - started };
}

async function measureBareHono(seconds: number, attachment: Buffer): Promise<LatencyFigures> {
  // Reads the whole multipart body as the hub does (parseBody, the file kept) and answers the file's size.
  const app = new Hono().post("/melden", async (c) => {
    const file = (await c.req.parseBody({ all: true })).files;
    return file instanceof File ? c.text(String(file.size)) : c.text("no file", 400);
  });
  const server = await new Promise<ReturnType<typeof serve>>((ready, fail) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(s));
    s.once("error", fail);
  });
  try {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/melden`;
    // The same fields as a submission's; the token and challenge are only the same shape, this app checks neither.
    const body = (n: number) => reportBody(n, { formToken: `bench-${n}`.padEnd(43, "x"), powChallenge: `v1.15.0.${"x".repeat(43)}` }, [attachment]);
    const warm = await post(url, body(0));
    if (warm.status !== 200 || warm.text !== String(attachment.length)) throw new Error(`bare hono did not read the attachment: ${warm.status} ${warm.text.slice(0, 200)}`);
    return await load(url, seconds, body);
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
}

async function measureSubmit(seconds: number, attachment: Buffer): Promise<LatencyFigures> {
  // A fresh data folder: the figure must not depend on what an earlier run left in the store.
  const dataDir = await mkdtemp(join(tmpdir(), "meldpunt-bench-p99-"));
  try {
    // As submit-rate.ts: no scryptCost (the production cost of hashing the receipt code, most of a submission's
    // work) and no wait for a form sent without a solved proof of work (powFallbackDelaySeconds 0, docs/decisions.md
    // 24). Each request carries its own fresh form token and a challenge signed for it, issued the way GET /melden
    // issues them (deps.tokens.issue(), deps.pow.challenge()) just before the request's clock starts,
    // and no nonce (`powNonce` empty, as a browser without JavaScript sends it); the hub checks the challenge's
    // signature and then takes the "waited" path. A solved nonce would add one SHA-256 of ~80 bytes to the hub's
    // side (microseconds), but ~0.05–0.1 s of solving per request to the bench: 10–20 s for a 10 s phase.
    const hub = await startLocalHub({ dataDir, port: 0, logLevel: "WARN", powFallbackDelaySeconds: 0 });
    try {
      const url = `${hub.url}/melden`;
      const body = (n: number) => reportBody(n, issueForm(hub.deps), [attachment]);
      // One submission first: it must be stored (a receipt page) with its attachment (a sealed blob of about 1 MB),
      // or the figure would time something else, such as the form coming back with an error.
      const warm = await post(url, body(0));
      if (warm.status !== 200 || !warm.text.includes('data-testid="receipt-code"')) {
        throw new Error(`the warm-up submission was not stored: ${warm.status} ${warm.text.slice(0, 300)}`);
      }
      const blobs = await filesUnder(join(dataDir, "blobs"));
      if (blobs.length !== 1 || (blobs[0]?.bytes ?? 0) < attachment.length) {
        throw new Error(`expected one sealed attachment of ≥ ${attachment.length} bytes, found ${JSON.stringify(blobs)}`);
      }
      return await load(url, seconds, body);
    } finally {
      await hub.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A fresh form token and its challenge, as GET /melden would issue them. */
function issueForm(deps: Pick<LocalHub["deps"], "tokens" | "pow" | "clock">): { formToken: string; powChallenge: string } {
  const formToken = deps.tokens.issue();
  return { formToken, powChallenge: deps.pow.challenge(formToken, deps.clock.now()) };
}

/**
 * The report form as a browser sends it (multipart/form-data, the fields of web/src/pages/report-form.tsx that a
 * minimal anonymous report fills in) with `attachments` as its files, a different description per request, as real
 * reports are. `powNonce` empty is a browser without JavaScript.
 */
export function reportBody(n: number, form: { formToken: string; powChallenge: string; powNonce?: string }, attachments: Buffer[]): Buffer[] {
  const fields: [string, string][] = [
    ["formToken", form.formToken],
    ["powChallenge", form.powChallenge],
    ["powNonce", form.powNonce ?? ""],
    ["member", "hoorn"],
    ["wants", "melding"],
    ["reporterType", "medewerker"],
    ["anonymity", "anoniem"],
    ["subcategories", "omgang.pesten"],
    [
      "description",
      `Benchmarkmelding ${n}: tijdens een vergadering werd een collega herhaaldelijk onderbroken en belachelijk gemaakt. Dit gebeurt al enkele maanden; het verslag zit in de bijlage.`,
    ],
  ];
  let head = "";
  for (const [name, value] of fields) head += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  // In parts, so that each file is written from its one buffer rather than copied for every request.
  const parts: Buffer[] = [Buffer.from(head, "utf8")];
  for (const [k, file] of attachments.entries()) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="verslag-${k + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, "utf8"), file, CRLF);
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`, "utf8"));
  return parts;
}

/**
 * The attachment: a valid one-page PDF of 1 MiB and a little, its page showing a 1024×1024 greyscale image stored
 * uncompressed (1 MiB of pixels). Why a PDF and not a JPEG: the inspector (packages/attachments) recognises a PDF by
 * its content and keeps it byte for byte, so the whole 1 MB is checked, sealed and written as a reporter's scanned
 * letter would be. A JPEG that we can make here without an encoder (the small fixture padded to 1 MB with APPn or
 * COM segments) would lose its padding to the metadata stripping and store ~2 KB; a real 1 MB photo costs the
 * inspector only one more pass over its bytes and one copy (well under a millisecond) more than a PDF does.
 * The pixels are AES-CTR output under a zero key: as incompressible as a photo's data, and the same on every run.
 */
export function noisePdf(side = 1024): Buffer {
  const pixels = createCipheriv("aes-128-ctr", Buffer.alloc(16), Buffer.alloc(16)).update(Buffer.alloc(side * side));
  const content = Buffer.from("q 500 0 0 500 47 171 cm /Im1 Do Q\n", "latin1");
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"),
    stream("", content),
    stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 `, pixels),
  ];
  // A binary comment on the second line tells tools the file holds binary data (PDF 1.7, 7.5.2).
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), object, Buffer.from("\nendobj\n")]);
    offsets.push(offset);
    parts.push(part);
    offset += part.length;
  });
  // Cross-reference entries are exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

function stream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary}/Length ${data.length} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]);
}

async function post(url: string, body: Buffer[]): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": CONTENT_TYPE, accept: "text/html" }, body: new Uint8Array(Buffer.concat(body)) });
  return { status: res.status, text: await res.text() };
}

/** One POST with node:http, the answer read to its last byte; resolves with the status. */
function send(agent: Agent, url: string, body: Buffer[]): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: { "content-type": CONTENT_TYPE, "content-length": body.reduce((n, part) => n + part.length, 0), accept: "text/html" },
      timeout: REQUEST_TIMEOUT_MS,
    });
    req.once("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.once("error", fail);
    req.once("response", (res) => {
      res.resume();
      res.once("end", () => done(res.statusCode ?? 0));
      res.once("error", fail);
    });
    for (const part of body) req.write(part);
    req.end();
  });
}

async function filesUnder(dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (path) => ({ path, bytes: (await stat(path)).size })));
}

/** SUBMIT_P99_CLIENTS clients posting one multipart body at a time (its form is made before the clock starts). */
function load(url: string, seconds: number, body: (n: number) => Buffer[]): Promise<LatencyFigures> {
  return closedLoop({ url, seconds, clients: SUBMIT_P99_CLIENTS, prepare: body, send: (agent, parts) => send(agent, url, parts) });
}
