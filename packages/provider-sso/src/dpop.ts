import { nodeCrypto } from "@credchain/core/internal";
import type { KeyObject } from "node:crypto";

/**
 * The cached `dpopKey` as a private key, read as botocore does: the lines between the PEM armour
 * joined and base64-decoded (the label is not trusted), then parsed as SEC1 or PKCS#8 DER. Only
 * P-256 keys are accepted (ES256). Undefined when the text is no such key.
 *
 * @example
 * ```ts
 * const key = loadDpopKey(token.dpopKey);
 * if (!key) throw new Error("bad dpopKey");
 * ```
 */
export function loadDpopKey(pem: string): KeyObject | undefined {
  const body = pem
    .split(/\r?\n|\r/)
    .filter((line) => !line.startsWith("-----BEGIN") && !line.startsWith("-----END"))
    .join("")
    .trim();
  const der = Buffer.from(body, "base64");
  for (const type of ["sec1", "pkcs8"] as const) {
    try {
      const key = nodeCrypto().createPrivateKey({ key: der, format: "der", type });
      if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return key;
      return undefined;
    } catch {
      // Not this encoding; try the next.
    }
  }
  return undefined;
}

export interface DpopClaims {
  /** Seconds since the epoch. */
  iat: number;
  /** Unique per proof. Default: a random UUID. */
  jti?: string;
}

/**
 * A DPoP proof (RFC 9449) for `POST url`, built as botocore's `_build_dpop_header`: header
 * `{typ: "dpop+jwt", alg: "ES256", jwk}` with the public P-256 key, payload `{htm, htu, iat, jti}`,
 * signed with ES256 (raw r‖s, base64url without padding).
 *
 * @example
 * ```ts
 * const proof = dpopProof(key, "https://us-east-1.signin.aws.amazon.com/v1/token", { iat: Math.floor(Date.now() / 1000) });
 * // headers: { DPoP: proof }
 * ```
 */
export function dpopProof(privateKey: KeyObject, url: string, claims: DpopClaims): string {
  const { x, y } = nodeCrypto().createPublicKey(privateKey).export({ format: "jwk" });
  const header = { typ: "dpop+jwt", alg: "ES256", jwk: { kty: "EC", x, y, crv: "P-256" } };
  const payload = { htm: "POST", htu: url, iat: claims.iat, jti: claims.jti ?? nodeCrypto().randomUUID() };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = nodeCrypto().sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
