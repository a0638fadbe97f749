import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { signV4, type SigningKeys } from "../src/sigv4.js";

const KEYS: SigningKeys = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const DATE = new Date("2015-08-30T12:36:00Z");

// @smithy/signature-v4 (the AWS SDK's signer) is the oracle; it wants a Hash constructor.
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) => (typeof d === "string" ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));
class Sha256 {
  #h;
  constructor(secret?: Data) {
    this.#h = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: Data) {
    this.#h.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.#h.digest());
  }
}

async function smithy(url: URL, headers: Record<string, string>, body: string, keys: SigningKeys, region: string) {
  const signer = new SignatureV4({ credentials: keys, region, service: "sts", sha256: Sha256, applyChecksum: false });
  const signed = await signer.sign(
    { method: "POST", protocol: url.protocol, hostname: url.hostname, path: url.pathname, query: {}, headers: { ...headers }, body },
    { signingDate: DATE },
  );
  return signed.headers;
}

describe("signV4", () => {
  it("matches the AWS SigV4 suite's post-x-www-form-urlencoded vector (no body hash header)", () => {
    const url = new URL("https://example.amazonaws.com/");
    const headers = signV4(
      { method: "POST", url, headers: { "content-type": "application/x-www-form-urlencoded", host: url.host }, body: "Param1=value1" },
      KEYS,
      "us-east-1",
      "service",
      DATE,
    );
    expect(headers["x-amz-date"]).toBe("20150830T123600Z");
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, " +
        "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
    );
  });

  const cases: [string, string, SigningKeys, string][] = [
    ["https://sts.amazonaws.com/", "Action=GetCallerIdentity&Version=2011-06-15", KEYS, "us-east-1"],
    ["https://sts.eu-west-1.amazonaws.com/", "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdev", { ...KEYS, sessionToken: "FQoG/token+with=chars" }, "eu-west-1"],
    ["http://127.0.0.1:4566/custom/path/", "Action=GetSessionToken", KEYS, "us-west-2"],
    ["http://localhost:8080/a/./b/../c//d", "Action=GetCallerIdentity", KEYS, "cn-north-1"],
    ["https://sts.example.com/with%20space/it's(star)*", "", { ...KEYS, sessionToken: "  spaced   token  " }, "us-gov-west-1"],
  ];
  it.each(cases)("signs %s as @smithy/signature-v4 does", async (href, body, keys, region) => {
    const url = new URL(href);
    const headers = { "content-type": "application/x-www-form-urlencoded; charset=utf-8", host: url.host, "user-agent": "credchain  test" };
    const ours = signV4({ method: "POST", url, headers, body }, keys, region, "sts", DATE);
    const theirs = await smithy(url, headers, body, keys, region);
    expect(ours.authorization).toBe(theirs.authorization);
    expect(ours["x-amz-date"]).toBe(theirs["x-amz-date"]);
    expect(ours["x-amz-security-token"]).toBe(theirs["x-amz-security-token"]);
    expect(ours["user-agent"]).toBe("credchain  test");
  });
});
