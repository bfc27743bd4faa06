// cdk-nag's AwsSolutions pack over every stack of the hub: zero findings that are not acknowledged, and every
// acknowledgement carries its reason. The synth throws on any unacknowledged finding; the report says which.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack, Validations } from "aws-cdk-lib";
import { Bucket } from "aws-cdk-lib/aws-s3";
import type { IConstruct } from "constructs";
import { afterAll, describe, expect, it } from "vitest";
import { acknowledge, checkWithCdkNag } from "../src/nag";
import { loadRegionConfig } from "../src/region-config";
import { standInHub, testApp } from "./support";

interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Synthesises `app` into a fresh folder; the unacknowledged findings as "rule at path", and whether synth threw. */
function synthFindings(build: (outdir: string) => App): { findings: string[]; threw: boolean } {
  const outdir = mkdtempSync(join(tmpdir(), "meldpunt-nag-"));
  dirs.push(outdir);
  const app = build(outdir);
  let threw = false;
  try {
    app.synth();
  } catch {
    threw = true;
  }
  const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8")) as Report;
  const findings = report.pluginReports
    .filter((r) => r.pluginName === "AwsSolutions")
    .flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)));
  return { findings, threw };
}

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]: [string, string]) => ({ path: c.node.path, id, reason })),
  );
}

describe("cdk-nag AwsSolutions", () => {
  it("finds nothing unacknowledged in any stack of the hub", () => {
    let root: IConstruct | undefined;
    const { findings, threw } = synthFindings((outdir) => {
      const { app } = standInHub(loadRegionConfig(), { outdir });
      root = app;
      return app;
    });
    expect(findings).toEqual([]);
    expect(threw).toBe(false);
    // Every acknowledgement says why, in a sentence.
    const acks = acknowledgements(root as IConstruct);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
  });

  it("does run: an unacknowledged finding fails the synth", () => {
    const { findings, threw } = synthFindings((outdir) => {
      const app = testApp({ outdir });
      new Bucket(new Stack(app, "Careless"), "Bucket");
      checkWithCdkNag(app);
      return app;
    });
    expect(threw).toBe(true);
    expect(findings).toContain("AwsSolutions-S1 at Careless/Bucket/Resource");
  });

  it("refuses an acknowledgement without a reason", () => {
    expect(() => acknowledge(new App(), "AwsSolutions-S1", "no")).toThrow(/needs a reason/);
  });
});
