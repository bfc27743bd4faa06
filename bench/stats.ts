// Small statistics shared by the benchmarks.
import { Agent } from "node:http";

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/** Rounds to a fixed number of decimals, for figures meant to be read rather than computed with. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * The nearest-rank percentile of a non-empty list: the smallest value with at least `p` % of the values at or below
 * it, always one of the values (p99 of 100 values is the 99th smallest; of fewer than 100, the largest).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of nothing");
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? Number.NaN;
}

/** Latency of one phase of a closed-loop load. */
export interface LatencyFigures {
  ok: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** How long the counted part of the phase lasted. */
  seconds: number;
}

/** How long every closed-loop phase warms up before its requests count. */
export const WARM_UP_SECONDS = 1;

/**
 * A closed-loop load: `clients` loops, each sending one request at a time over a keep-alive connection of its own, for
 * WARM_UP_SECONDS and then `seconds`, only against 127.0.0.1. `prepare` makes a request's input before its clock starts
 * (only `send` is timed). Only requests sent after the warm-up count; one sent before the end is waited for and
 * counted, so the slowest are not cut off at the end of the phase (as autocannon would drop them).
 */
export async function closedLoop<T>(options: {
  url: string;
  seconds: number;
  clients: number;
  prepare: (n: number) => T;
  send: (agent: Agent, prepared: T) => Promise<number>;
}): Promise<LatencyFigures> {
  const { url, seconds, clients } = options;
  if (new URL(url).hostname !== "127.0.0.1") throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let n = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const warm = performance.now() + WARM_UP_SECONDS * 1000;
  const end = warm + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const prepared = options.prepare(++n);
      const sent = performance.now();
      try {
        const status = await options.send(agent, prepared);
        if (sent < warm) continue;
        if (status >= 200 && status < 300) latencies.push(performance.now() - sent);
        else non2xx++;
      } catch {
        if (sent >= warm) errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  if (latencies.length === 0) throw new Error(`no 2xx answer from ${url}: ${non2xx} non-2xx, ${errors} errors`);
  return { ok: latencies.length, non2xx, errors, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), seconds: (performance.now() - warm) / 1000 };
}
