import { createHash, createPublicKey, verify, type JsonWebKey } from "node:crypto";

/** The parts of a DPoP proof (RFC 9449) the login endpoint checks. */
export interface DpopProof {
  header: { typ: string; alg: string; jwk: { kty: string; crv: string; x: string; y: string } };
  payload: { htm: string; htu: string; iat: number; jti: string };
  /** RFC 7638 SHA-256 thumbprint of the public key, base64url: what a refresh token is bound to. */
  thumbprint: string;
}

export interface DpopExpectation {
  method: string;
  /** The request URL without query or fragment, as the client should have signed it. */
  url: string;
  /** Seconds since the epoch, from the emulator clock. */
  nowSeconds: number;
  /** How far `iat` may be from `nowSeconds`. */
  maxSkewSeconds: number;
}

export type DpopOutcome = { ok: true; proof: DpopProof } | { ok: false; reason: string };

/**
 * Checks a DPoP proof as a token endpoint must: a compact JWT with `typ: dpop+jwt`, `alg: ES256`
 * and a public P-256 `jwk` in its header, an ES256 signature (raw r‖s) by that key, and `htm`,
 * `htu`, a recent `iat` and a `jti` in its payload. Never throws.
 *
 * @example
 * ```ts
 * const outcome = verifyDpopProof(headers.dpop, { method: "POST", url: "http://127.0.0.1:8080/v1/token", nowSeconds: 1_800_000_000, maxSkewSeconds: 300 });
 * if (!outcome.ok) console.log(outcome.reason);
 * ```
 */
export function verifyDpopProof(proof: string | undefined, expect: DpopExpectation): DpopOutcome {
  if (proof === undefined || proof === "") return { ok: false, reason: "the DPoP header is missing" };
  const parts = proof.split(".");
  if (parts.length !== 3) return { ok: false, reason: "the DPoP proof is not a compact JWT" };
  const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
  const header = decodeJson(headerB64);
  const payload = decodeJson(payloadB64);
  if (!header || !payload) return { ok: false, reason: "the DPoP proof's header or payload is not base64url JSON" };
  if (header.typ !== "dpop+jwt") return { ok: false, reason: `typ is ${JSON.stringify(header.typ)}, not "dpop+jwt"` };
  if (header.alg !== "ES256") return { ok: false, reason: `alg is ${JSON.stringify(header.alg)}, not "ES256"` };
  const jwk = header.jwk as Record<string, unknown> | undefined;
  if (typeof jwk !== "object" || jwk === null || jwk.kty !== "EC" || jwk.crv !== "P-256" || typeof jwk.x !== "string" || typeof jwk.y !== "string") {
    return { ok: false, reason: "jwk is not a P-256 EC public key" };
  }
  if ("d" in jwk) return { ok: false, reason: "jwk contains the private key" };

  let valid = false;
  try {
    const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y } as JsonWebKey, format: "jwk" });
    const signature = Buffer.from(signatureB64, "base64url");
    // ES256 in a JWS is the raw 64-byte r‖s, not DER.
    valid = signature.length === 64 && verify("sha256", Buffer.from(`${headerB64}.${payloadB64}`), { key, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return { ok: false, reason: "jwk is not a valid P-256 point" };
  }
  if (!valid) return { ok: false, reason: "the DPoP signature does not verify with the header's jwk" };

  const { htm, htu, iat, jti } = payload;
  if (htm !== expect.method) return { ok: false, reason: `htm is ${JSON.stringify(htm)}, not "${expect.method}"` };
  if (typeof htu !== "string" || stripQuery(htu) !== stripQuery(expect.url)) return { ok: false, reason: `htu is ${JSON.stringify(htu)}, not "${expect.url}"` };
  if (typeof iat !== "number" || !Number.isInteger(iat)) return { ok: false, reason: "iat is not an integer" };
  if (Math.abs(iat - expect.nowSeconds) > expect.maxSkewSeconds) return { ok: false, reason: `iat ${iat} is more than ${expect.maxSkewSeconds}s from the server clock ${expect.nowSeconds}` };
  if (typeof jti !== "string" || jti === "") return { ok: false, reason: "jti is missing" };

  const thumbprint = createHash("sha256").update(JSON.stringify({ crv: "P-256", kty: "EC", x: jwk.x, y: jwk.y })).digest("base64url");
  return {
    ok: true,
    proof: {
      header: { typ: header.typ, alg: header.alg, jwk: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y } },
      payload: { htm, htu, iat, jti },
      thumbprint,
    },
  };
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, "");
}
