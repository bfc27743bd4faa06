// The region's configuration: the demo deployment's members are the demo region's (packages/local), and a
// configuration that would make a key collide, or leave regional intake without its key, is refused.
import { demoRegion } from "@meldpunt/local/demo-region";
import { describe, expect, it } from "vitest";
import { loadRegionConfig, parseRegionConfig } from "../src/region-config";

describe("the region configuration", () => {
  const demo = loadRegionConfig();

  it("lists exactly the demo region's members for the demo deployment, regio included", () => {
    expect([...demo.members].sort()).toEqual(demoRegion().members.map((m) => m.id).sort());
    expect(demo.members).toContain("regio");
  });

  it("refuses what would break a key or a name", () => {
    const bad = (patch: Record<string, unknown>) => () => parseRegionConfig({ ...demo, ...patch });
    expect(bad({ members: ["hoorn"] })).toThrow(/regio is missing/);
    expect(bad({ members: ["regio", "hoorn", "hoorn"] })).toThrow(/appears twice/);
    expect(bad({ members: ["regio", "hoorn-signaal"] })).toThrow(/-signaal/);
    expect(bad({ members: ["regio", "Hoorn"] })).toThrow(/not a member id/);
    expect(bad({ awsRegion: "Frankfurt" })).toThrow(/awsRegion/);
    expect(bad({ hubDomain: "https://x.example" })).toThrow(/hubDomain/);
    expect(bad({ certificateArn: "arn:aws:acm:eu-central-1:123456789012:certificate/abc" })).toThrow(/certificateArn/);
    expect(bad({ members: ["regio", ...Array.from({ length: 20 }, (_, i) => `lid-${i}`)] })).toThrow(/at most 20/);
    expect(() => loadRegionConfig("../etc")).toThrow(/file name/);
  });
});
