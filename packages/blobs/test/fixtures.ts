import type { BlobKey } from "@meldpunt/domain";

export const KEY: BlobKey = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK", blobId: "7VC9YN3XAJST9PTX2DZPS2VDQ6" };

/** Keys that must be refused before they touch a path or the bucket, and the field each one names. */
export const BAD_KEYS: [string, BlobKey, keyof BlobKey][] = [
  ["member ../", { ...KEY, member: "../gemeente-b" }, "member"],
  ["member ..", { ...KEY, member: ".." }, "member"],
  ["member with /", { ...KEY, member: "gemeente-a/x" }, "member"],
  ["member with \\", { ...KEY, member: "gemeente-a\\x" }, "member"],
  ["empty member", { ...KEY, member: "" }, "member"],
  ["member too long", { ...KEY, member: "a".repeat(41) }, "member"],
  ["caseId ../", { ...KEY, caseId: "../01HZY3K8Q4W6X7Z9ABCDEFGH" }, "caseId"],
  ["caseId with /", { ...KEY, caseId: "01HZY3K8Q4W6X/Z9ABCDEFGHJK" }, "caseId"],
  ["empty caseId", { ...KEY, caseId: "" }, "caseId"],
  ["caseId of 25", { ...KEY, caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJ" }, "caseId"],
  ["caseId of 27", { ...KEY, caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJKM" }, "caseId"],
  ["caseId in lower case", { ...KEY, caseId: "01hzy3k8q4w6x7z9abcdefghjk" }, "caseId"],
  ["blobId ../", { ...KEY, blobId: "../7VC9YN3XAJST9PTX2DZPS2VD" }, "blobId"],
  ["blobId ..", { ...KEY, blobId: ".." }, "blobId"],
  ["blobId with /", { ...KEY, blobId: "7VC9YN3XAJST9PTX2DZPS2/DQ6" }, "blobId"],
  ["empty blobId", { ...KEY, blobId: "" }, "blobId"],
  ["blobId of 25", { ...KEY, blobId: "7VC9YN3XAJST9PTX2DZPS2VDQ" }, "blobId"],
  ["blobId with I (not Crockford)", { ...KEY, blobId: "7VC9YN3XAJST9PTX2DZPS2VDQI" }, "blobId"],
  ["blobId with a newline", { ...KEY, blobId: "7VC9YN3XAJST9PTX2DZPS2VDQ6\n" }, "blobId"],
  ["blobId not a string", { ...KEY, blobId: 42 as unknown as string }, "blobId"],
];

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}
