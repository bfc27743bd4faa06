// The JWE (dir + A256GCM) of ./sessions.ts. It imports this module on the first seal or open rather than with itself:
// the api Lambda builds the sealer with its handler, and a cold start that serves no staff request should not parse
// jose (docs/decisions.md 41). A module of our own, because importing jose itself dynamically keeps all of jose.
import { EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";

const ALGORITHMS = { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] };

export function encrypt(key: Uint8Array, audience: string, claims: JWTPayload, issuedAt: number, expiresAt: number): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .encrypt(key);
}

/** The claims; throws for anything tampered, expired, of another audience, or not ours at all. */
export async function decrypt(key: Uint8Array, audience: string, token: string, currentDate: Date): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, key, { ...ALGORITHMS, audience, currentDate });
  return payload;
}
