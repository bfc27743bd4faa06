// The report form page as a reporter's browser loads it: Chromium opens /melden on the local hub, and every
// response the page gets (the HTML and each asset) counts with its body's uncompressed size.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalHub } from "@meldpunt/local";
// The tests' Chromium (Debian's, through playwright-core, with the same flags): one launcher for both.
import { launchChromium } from "../test/support/browser";

export interface PageResponse {
  url: string;
  status: number;
  contentType: string;
  bytes: number;
}

export interface FormPageFigures {
  /** Uncompressed body bytes of every response, the page's HTML included. */
  totalBytes: number;
  htmlBytes: number;
  cssBytes: number;
  responses: PageResponse[];
  ms: number;
}

export async function measureFormPage(): Promise<FormPageFigures> {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), "meldpunt-bench-page-"));
  try {
    const hub = await startLocalHub({ dataDir, port: 0, logLevel: "WARN" });
    try {
      const browser = await launchChromium();
      try {
        // A fresh context: nothing cached, so every asset is transferred.
        const context = await browser.newContext();
        const page = await context.newPage();
        const bodies: Promise<PageResponse>[] = [];
        page.on("response", (response) => {
          const status = response.status();
          const contentType = (response.headers()["content-type"] ?? "").split(";")[0] ?? "";
          // A redirect has no body to count (Playwright cannot read one either).
          const bytes = status >= 300 && status < 400 ? Promise.resolve(0) : response.body().then((body) => body.length);
          bodies.push(bytes.then((n) => ({ url: response.url(), status, contentType, bytes: n })));
        });
        const navigation = await page.goto(`${hub.url}/melden`, { waitUntil: "load" });
        if (navigation?.status() !== 200) throw new Error(`GET /melden answered ${navigation?.status()}`);
        const responses = await Promise.all(bodies);
        const failed = responses.filter((r) => r.status >= 400);
        if (failed.length > 0) throw new Error(`the form page got error answers: ${failed.map((r) => `${r.status} ${r.url}`).join(", ")}`);
        const sum = (list: PageResponse[]) => list.reduce((total, r) => total + r.bytes, 0);
        return {
          totalBytes: sum(responses),
          htmlBytes: sum(responses.filter((r) => r.contentType === "text/html")),
          cssBytes: sum(responses.filter((r) => r.contentType === "text/css")),
          responses,
          ms: performance.now() - started,
        };
      } finally {
        await browser.close();
      }
    } finally {
      await hub.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
