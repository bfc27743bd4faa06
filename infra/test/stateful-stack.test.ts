// The cloud table must be the shared definition in @meldpunt/store, the same one the local bootstrap creates:
// the expectations below are built from TABLE_KEYS/INDEXES, so a change there that CDK does not follow fails here.
import { createTableInput, INDEXES, keyAttributeNames, TABLE_KEYS } from "@meldpunt/store";
import { Template } from "aws-cdk-lib/assertions";
import { testApp } from "./support";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRegionConfig } from "../src/region-config";
import { StatefulStack, TTL_ATTRIBUTE } from "../src/stateful-stack";

interface KeyElement {
  AttributeName: string;
  KeyType: "HASH" | "RANGE";
}
interface SynthesisedTable {
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Properties: {
    KeySchema: KeyElement[];
    AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
    GlobalSecondaryIndexes?: { IndexName: string; KeySchema: KeyElement[]; Projection: { ProjectionType: string } }[];
    [property: string]: unknown;
  };
}

const byName = <T extends { AttributeName?: string | undefined }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.AttributeName ?? "").localeCompare(b.AttributeName ?? ""));
const byIndexName = <T extends { IndexName?: string | undefined }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.IndexName ?? "").localeCompare(b.IndexName ?? ""));

const keySchema = (keys: { partitionKey: string; sortKey: string }): KeyElement[] => [
  { AttributeName: keys.partitionKey, KeyType: "HASH" },
  { AttributeName: keys.sortKey, KeyType: "RANGE" },
];

describe("StatefulStack", () => {
  let template: Template;
  let table: SynthesisedTable;

  beforeAll(() => {
    // The built-in CloudFormation validation (a WASM engine, ~3 s to start) runs in `pnpm synth`, not here.
    const stack = new StatefulStack(testApp(), "Meldpunt-Stateful", { config: loadRegionConfig() });
    template = Template.fromStack(stack);
    const tables = Object.values(template.findResources("AWS::DynamoDB::Table")) as SynthesisedTable[];
    expect(tables).toHaveLength(1);
    table = tables[0] as SynthesisedTable;
  });

  it("has the shared definition's keys, all strings", () => {
    expect(table.Properties.KeySchema).toEqual(keySchema(TABLE_KEYS));
    const attributes = [TABLE_KEYS, ...Object.values(INDEXES)].flatMap((k) => [k.partitionKey, k.sortKey]);
    expect(byName(table.Properties.AttributeDefinitions)).toEqual(
      byName(attributes.map((name) => ({ AttributeName: name, AttributeType: "S" }))),
    );
  });

  it("has exactly the shared definition's indexes, projecting all attributes", () => {
    const expected = Object.values(INDEXES).map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index),
      Projection: { ProjectionType: "ALL" },
    }));
    expect(byIndexName(table.Properties.GlobalSecondaryIndexes ?? [])).toEqual(byIndexName(expected));
  });

  it("is on-demand, recoverable, protected and retained", () => {
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: {
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      },
    });
    expect(TTL_ATTRIBUTE).toBe("expiresAt");
  });

  it("agrees with the local bootstrap's createTableInput on keys and indexes", () => {
    const local = createTableInput("meldpunt");
    expect(local.BillingMode).toBe(table.Properties.BillingMode);
    expect(table.Properties.KeySchema).toEqual(local.KeySchema);
    expect(byName(table.Properties.AttributeDefinitions)).toEqual(byName(local.AttributeDefinitions ?? []));
    expect(byName(table.Properties.AttributeDefinitions).map((a) => a.AttributeName)).toEqual(
      [...keyAttributeNames()].sort((a, b) => a.localeCompare(b)),
    );
    expect(byIndexName(table.Properties.GlobalSecondaryIndexes ?? [])).toEqual(
      byIndexName(local.GlobalSecondaryIndexes ?? []),
    );
  });
});
