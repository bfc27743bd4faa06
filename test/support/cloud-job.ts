// What the scheduled jobs' Lambda tests share: the real embedded store with the demo region, a local AWS stand-in
// (S3/SES over HTTP, test/support/aws-stand-in.ts), KMS mocked so a test can show it was never asked, the AWS settings
// in the environment while the file runs, an audit key, and a case as the cloud stores it (sealed bytes the job must
// never need), plus reading back a member's audit trail with its verdict.
import { randomBytes } from "node:crypto";
import { KMSClient } from "@aws-sdk/client-kms";
import { createAuditHasher } from "@meldpunt/crypto";
import { type AuditEntry, type CaseRecord, type ChainVerdict, verifyAuditChain } from "@meldpunt/domain";
import { seedDemoRegion, seedDemoStaff } from "@meldpunt/local/seed";
import { createAuditLog, createDynamoStore, createStaffStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll } from "vitest";
import { type AwsStandIn, startAwsStandIn } from "./aws-stand-in";

export const TABLE = "meldpunt";

type Store = ReturnType<typeof createDynamoStore>;
type Client = ReturnType<typeof embeddedDynamoClient>;

/** Sets it all up before the file's tests and takes it down after; `staff`: the demo staff too (who gets mail). */
export function useCloudJob(options: { buckets?: string[]; staff?: boolean } = {}) {
  const kms = mockClient(KMSClient);
  const auditKey = randomBytes(32);
  const savedEnv = { ...process.env };
  const state = { kms, auditKey } as { kms: typeof kms; auditKey: Buffer; dynamo: EmbeddedDynamo; aws: AwsStandIn };

  /** The store on a client of its own, closed after `use`. */
  async function withStore<T>(use: (store: Store, client: Client) => Promise<T>): Promise<T> {
    const client = embeddedDynamoClient(state.dynamo.endpoint);
    try {
      return await use(createDynamoStore({ client, tableName: TABLE }), client);
    } finally {
      client.destroy();
    }
  }

  /** A member's audit trail under the job's AUDIT_KEY, and whether its chain holds. */
  const auditTrail = (member: string): Promise<{ entries: AuditEntry[]; verdict: ChainVerdict }> =>
    withStore(async (_store, client) => {
      const hasher = createAuditHasher({ key: auditKey });
      const { entries, head } = await createAuditLog({ client, tableName: TABLE, hasher }).readAll(member);
      return { entries, verdict: verifyAuditChain(entries, head, hasher) };
    });

  beforeAll(async () => {
    state.dynamo = await startEmbeddedDynamo();
    state.aws = await startAwsStandIn({ region: "eu-west-1", buckets: options.buckets ?? [] });
    await withStore(async (store, client) => {
      await ensureTable(client, TABLE);
      await seedDemoRegion(store.region);
      if (options.staff) await seedDemoStaff(createStaffStore({ client, tableName: TABLE }));
    });
    Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", POWERTOOLS_LOG_LEVEL: "SILENT" });
  });
  afterAll(async () => {
    kms.restore();
    await state.aws?.close();
    process.env = savedEnv;
    await state.dynamo?.close();
  });

  return Object.assign(state, { withStore, auditTrail });
}

/**
 * A web report of Hoorn's bureau received on 1 March 2030, as the cloud stores it: a KMS-wrapped data key and sealed
 * bytes that the jobs never open. `changes` make it the case a test needs.
 */
export function cloudCase(id: string, changes: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    member: "hoorn",
    desk: "hoorn-integriteit",
    kind: "melding",
    track: "ambtelijk",
    state: "ontvangen",
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "leidinggevende",
    reporterType: "medewerker",
    receivedAt: "2030-03-01T00:00:00.000Z",
    ackDueAt: "2030-03-08T00:00:00.000Z",
    feedbackDueAt: "2030-06-01T00:00:00.000Z",
    routeReasons: [{ nl: "Integriteitsmelding", en: "Integrity report" }],
    receipt: { locator: `L${id.slice(-7)}`, hash: "demo$unusable" },
    dataKey: { keyId: "arn:aws:kms:eu-west-1:123456789012:key/hoorn", blob: Uint8Array.from([1, 2, 3]) },
    content: Uint8Array.from([9, 9, 9]),
    history: [{ at: "2030-03-01T00:00:00.000Z", state: "ontvangen", by: "melder" }],
    version: 1,
    ...changes,
  };
}
