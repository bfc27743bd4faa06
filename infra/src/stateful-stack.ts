// The stateful half of the hub: what must survive a redeploy or a deleted stack. For now only the table; the
// per-member KMS keys and the blob bucket join it in the cloud issue. Stateless stacks (functions, HTTP API,
// CloudFront, WAF, Cognito) reference `table` and never own data.
import { INDEXES, TABLE_KEYS } from "@meldpunt/store";
import { RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";

/** The TTL attribute (epoch seconds). A safety net only: retention is enforced by the scheduled retention job,
 *  which deletes expired cases and shreds their data keys and records the deletion. The app never relies on TTL
 *  (dynalite, the embedded store, has none), so an item that TTL removes late or never is still handled. */
export const TTL_ATTRIBUTE = "expiresAt";

export class StatefulStack extends Stack {
  /** The hub's single table, built from the shared definition in @meldpunt/store (as is the local bootstrap). */
  public readonly table: Table;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new Table(this, "Table", {
      // No fixed tableName: CloudFormation names it, so a replacement never collides; the functions get the
      // name through their environment (TABLE_NAME_DEFAULT is the local runner's name).
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // AWS-managed key (aws/dynamodb). Case content is already encrypted per member with envelope encryption
      // under each member's own KMS key before it reaches the table; only queue/statistics metadata is in clear.
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });

    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
