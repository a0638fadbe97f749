import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { verifyDpopProof } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { dpopProof, loadDpopKey } from "../src/dpop.js";
import { newDpopKey } from "./login-home.js";

const URL = "https://eu-west-1.signin.aws.amazon.com/v1/token";
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

describe(loadDpopKey.name, () => {
  it("reads SEC1 and PKCS#8 PEM, ignoring the armour label and CRLF as botocore does", () => {
    const sec1 = newDpopKey("sec1");
    expect(loadDpopKey(sec1)?.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(loadDpopKey(newDpopKey("pkcs8"))).toBeDefined();
    expect(loadDpopKey(sec1.replace(/EC PRIVATE KEY/g, "WHATEVER").replace(/\n/g, "\r\n"))).toBeDefined();
  });

  it("refuses garbage, other curves and other key types", () => {
    expect(loadDpopKey("")).toBeUndefined();
    expect(loadDpopKey("-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----")).toBeUndefined();
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey.export({ format: "pem", type: "sec1" }) as string;
    expect(loadDpopKey(p384)).toBeUndefined();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    expect(loadDpopKey(rsa)).toBeUndefined();
  });
});

describe(dpopProof.name, () => {
  it("builds botocore's header and claims, signed ES256 (raw r‖s)", () => {
    const key = loadDpopKey(newDpopKey())!;
    const proof = dpopProof(key, URL, { iat: 1_795_000_000, jti: "fixed-jti" });
    const [h, p, s] = proof.split(".") as [string, string, string];
    const { x, y } = createPublicKey(key).export({ format: "jwk" });
    expect(decode(h)).toEqual({ typ: "dpop+jwt", alg: "ES256", jwk: { kty: "EC", x, y, crv: "P-256" } });
    expect(decode(p)).toEqual({ htm: "POST", htu: URL, iat: 1_795_000_000, jti: "fixed-jti" });
    expect(Buffer.from(s, "base64url")).toHaveLength(64);
    expect(verify("sha256", Buffer.from(`${h}.${p}`), { key: createPublicKey(key), dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"))).toBe(true);
    expect(proof).not.toMatch(/=/);
  });

  it("passes the emulator's RFC 9449 check, with a fresh jti each time", () => {
    const key = loadDpopKey(newDpopKey())!;
    const a = verifyDpopProof(dpopProof(key, URL, { iat: 1000 }), { method: "POST", url: URL, nowSeconds: 1010, maxSkewSeconds: 300 });
    const b = verifyDpopProof(dpopProof(key, URL, { iat: 1000 }), { method: "POST", url: URL, nowSeconds: 1010, maxSkewSeconds: 300 });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.proof.payload.jti).not.toBe(b.proof.payload.jti);
      expect(a.proof.thumbprint).toBe(b.proof.thumbprint);
    }
    expect(verifyDpopProof(dpopProof(key, URL, { iat: 1000 }), { method: "POST", url: `${URL}x`, nowSeconds: 1000, maxSkewSeconds: 300 })).toMatchObject({ ok: false });
  });
});
