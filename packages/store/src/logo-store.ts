// Members' logos on the same table (docs/store.md, "Logo"; docs/decisions.md 28): one item per logo,
// `pk=REGION, sk=LOGO#<member>#<hash>`, beside (not inside) the member's configuration, which every request reads. The
// hash of the content names the logo, so a new one never overwrites the one the configuration still names.
import { createHash } from "node:crypto";
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { MAX_LOGO_BYTES, type MemberLogos, MemberIdSchema } from "@meldpunt/domain";
import * as z from "zod/mini";
import { REGION_PK } from "./keys";
import { send } from "./requests";

const HASH = z.string().check(z.regex(/^[0-9a-f]{16}$/));
const logoKey = (member: string, hash: string) => ({ pk: REGION_PK, sk: `LOGO#${z.parse(MemberIdSchema, member)}#${z.parse(HASH, hash)}` });

const LogoItemSchema = z.object({ type: z.enum(["png", "jpeg"]), bytes: z.instanceof(Uint8Array).check(z.refine((b) => b.length <= MAX_LOGO_BYTES, { message: "logo too large" })) });

export function createLogoStore({ client, tableName }: { client: DynamoDBClient; tableName: string }): MemberLogos {
  return {
    async get(member, hash) {
      const out = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall(logoKey(member, hash)) })));
      if (!out.Item) return undefined;
      const { type, bytes } = z.parse(LogoItemSchema, unmarshall(out.Item));
      return { type, bytes };
    },
    async put(member, logo) {
      const hash = createHash("sha256").update(logo.bytes).digest("hex").slice(0, 16);
      const item = z.parse(LogoItemSchema, logo);
      await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ ...logoKey(member, hash), entity: "logo", ...item }) })));
      return hash;
    },
    async remove(member, hash) {
      await send(() => client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(logoKey(member, hash)) })));
    },
  };
}
