// Members' logos on the same table (docs/store.md, "Logos"; docs/decisions.md 28): one item per member,
// `pk=REGION, sk=LOGO#<member>`, beside (not inside) the member's configuration, which every request reads. The hash
// of the content names the asset, so a new logo is a new address and a browser may keep the old one for good.
import { createHash } from "node:crypto";
import { GetItemCommand, PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { MAX_LOGO_BYTES, type MemberLogos, MemberIdSchema } from "@meldpunt/domain";
import * as z from "zod/mini";
import { REGION_PK } from "./keys";
import { send } from "./requests";

const logoKey = (member: string) => ({ pk: REGION_PK, sk: `LOGO#${z.parse(MemberIdSchema, member)}` });

const LogoItemSchema = z.object({ type: z.enum(["png", "jpeg"]), hash: z.string(), bytes: z.instanceof(Uint8Array).check(z.refine((b) => b.length <= MAX_LOGO_BYTES, { message: "logo too large" })) });

export function createLogoStore({ client, tableName }: { client: DynamoDBClient; tableName: string }): MemberLogos {
  return {
    async get(member) {
      const out = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall(logoKey(member)) })));
      if (!out.Item) return undefined;
      const { type, hash, bytes } = z.parse(LogoItemSchema, unmarshall(out.Item));
      return { type, hash, bytes };
    },
    async put(member, logo) {
      const hash = createHash("sha256").update(logo.bytes).digest("hex").slice(0, 16);
      const item = z.parse(LogoItemSchema, { ...logo, hash });
      await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ ...logoKey(member), entity: "logo", ...item }) })));
      return hash;
    },
  };
}
