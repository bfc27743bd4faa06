// Report submissions per second on the local hub, as a ratio to a bare hono "hello" on the same machine and
// server (@hono/node-server), so the figure says what the hub's own work costs rather than how fast this box is.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type LocalHub, startLocalHub } from "@meldpunt/local";
import autocannon from "autocannon";
import { Hono } from "hono";

export interface LoadFigures {
  /** 2xx answers per second over the whole run. */
  perSec: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  seconds: number;
}

export interface SubmitRate {
  hello: LoadFigures;
  submit: LoadFigures;
  ratio: number;
}

const CONNECTIONS = 10;

/** Hello first, then submissions, one after the other in this process; each phase lasts `seconds`. */
export async function measureSubmitRate(seconds: number): Promise<SubmitRate> {
  const hello = await measureHello(seconds);
  const submit = await measureSubmit(seconds);
  return { hello, submit, ratio: submit.perSec / hello.perSec };
}

async function measureHello(seconds: number): Promise<LoadFigures> {
  const app = new Hono().get("/", (c) => c.text("hello"));
  const server = await new Promise<ReturnType<typeof serve>>((ready, fail) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(s));
    s.once("error", fail);
  });
  try {
    const { port } = server.address() as AddressInfo;
    return await load({ url: `http://127.0.0.1:${port}/`, seconds });
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
}

async function measureSubmit(seconds: number): Promise<LoadFigures> {
  // A fresh data folder: the figure must not depend on what an earlier run left in the store.
  const dataDir = await mkdtemp(join(tmpdir(), "meldpunt-bench-"));
  try {
    // No scryptCost: the production cost of hashing the receipt code is the main cost of a submission.
    // No wait for forms sent without a solved proof of work (docs/decisions.md 24): each request still carries a
    // challenge the hub checks, as a form page's would, but the bench cannot wait 20 s per form.
    const hub = await startLocalHub({ dataDir, port: 0, logLevel: "WARN", powFallbackDelaySeconds: 0 });
    try {
      let n = 0;
      return await load({
        url: `${hub.url}/melden`,
        seconds,
        method: "POST",
        // Each submission a different text, as real reports are; the form the page's <form> would send.
        setupRequest: (request) => ({ ...request, body: reportForm(++n, hub.deps) }),
      });
      // hub.close() lets the submissions autocannon left behind finish before the store closes.
    } finally {
      await hub.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A fresh form token and its challenge, as GET /melden would issue them, for each submission. */
function reportForm(n: number, deps: Pick<LocalHub["deps"], "tokens" | "pow">): string {
  const formToken = deps.tokens.issue();
  return new URLSearchParams({
    formToken,
    powChallenge: deps.pow.challenge(formToken, new Date()),
    member: "hoorn",
    wants: "melding",
    reporterType: "medewerker",
    anonymity: "anoniem",
    subcategories: "omgang.pesten",
    description: `Benchmarkmelding ${n}: tijdens een vergadering werd een collega herhaaldelijk onderbroken en belachelijk gemaakt. Dit gebeurt al enkele maanden.`,
  }).toString();
}

interface LoadOptions {
  url: string;
  seconds: number;
  method?: "GET" | "POST";
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

/** One bounded autocannon run: 10 connections for `seconds`, only against 127.0.0.1. */
async function load(options: LoadOptions): Promise<LoadFigures> {
  if (new URL(options.url).hostname !== "127.0.0.1") throw new Error(`refusing to load anything but 127.0.0.1: ${options.url}`);
  const method = options.method ?? "GET";
  const result = await autocannon({
    url: options.url,
    connections: CONNECTIONS,
    duration: options.seconds,
    // A request stuck longer than this counts as an error instead of stretching the run.
    timeout: 10,
    requests: [
      {
        method,
        ...(method === "POST" ? { headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" } } : {}),
        ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
      },
    ],
  });
  return {
    perSec: result["2xx"] / result.duration,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    seconds: result.duration,
  };
}
