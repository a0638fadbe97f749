import { describe, expect, it } from "vitest";
import { prng, testSeed, type Prng } from "./prng.js";
import { quoteUntrusted, redactSecrets } from "../src/redact.js";

const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SESSION_TOKEN = "IQoJb3JpZ2luX2VjEHUaCXVzLWVhc3QtMSJHMEUCIQDx2+PLANTED/////wEaDDEyMzQ1Njc4OTAxMiIM";
const OLD_TOKEN = "FwoGZXIvYXdzEBYaDHhBTEXAMPLEtokenvUdrlUwLSK+PLANTEDAQAMMDEyMzQ1Njc4OTAxMg==";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlUExBTlRFRA";
const PASSWORD = "hunter2 with spaces&more";

describe(redactSecrets.name, () => {
  // [what, text, what must be gone, what must stay]
  it.each<[string, string, string, string]>([
    ["JSON field", `{"Code": "X", "SecretAccessKey": "${SECRET_KEY}", "Message": "denied"}`, SECRET_KEY, `"Message": "denied"`],
    ["JSON field, escaped slashes", `{"SessionToken": "${SESSION_TOKEN.replaceAll("/", "\\/")}"}`, "IQoJb3JpZ2lu", `{"SessionToken": [redacted]}`],
    ["JSON field, escaped quote inside", `{"password": "a\\"${PASSWORD}", "ok": 1}`, PASSWORD, `"ok": 1`],
    ["Python dict", `KeyError: {'aws_session_token': '${PASSWORD}', 'region': 'us-east-1'}`, PASSWORD, "'region': 'us-east-1'"],
    ["INI", `[default]\naws_secret_access_key = ${PASSWORD}\nregion = eu-west-1`, PASSWORD, "region = eu-west-1"],
    ["env", `export AWS_SESSION_TOKEN="${PASSWORD}"\nPASSWORD=${PASSWORD}\nHOME=/root`, PASSWORD, "HOME=/root"],
    ["XML element", `<Credentials><SessionToken>${PASSWORD}</SessionToken><Expiration>2030</Expiration></Credentials>`, PASSWORD, "<Expiration>2030</Expiration>"],
    ["XML attribute", `<Login token="${PASSWORD}" user="bob"/>`, PASSWORD, "<Login token="],
    ["Authorization header", `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0f1e2d3c4b5a\nHost: sts`, "0f1e2d3c4b5a", "Host: sts"],
    ["signature fields alone", `X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20240101&X-Amz-Signature=deadbeefcafe`, "deadbeefcafe", "X-Amz-Credential="],
    ["Bearer", `401: Bearer ${PASSWORD.split(" ")[0]}xyz rejected`, "hunter2xyz", "rejected"],
    ["Bearer with bearer inside", "retrying with Bearer PLANTEDBEARERTOKEN0123456789 now", "TOKEN0123", "now"],
    ["security token header", `x-amz-security-token: ${PASSWORD}`, PASSWORD, "x-amz-security-token:"],
    ["bare secret key", `key was ${SECRET_KEY}.`, SECRET_KEY, "key was"],
    ["bare session tokens", `tokens ${SESSION_TOKEN} and ${OLD_TOKEN} expired`, "PLANTED", "expired"],
    ["bare JWT", `id token ${JWT} is invalid`, "c2lnbmF0dXJl", "is invalid"],
    ["JWT glued to a word", `token:${JWT}`, "eyJzdWIi", "token:"],
    ["URL user info", `GET https://bob:${PASSWORD.split(" ")[0]}@example.com/x failed`, "hunter2", "@example.com/x failed"],
  ])("%s", (_what, text, gone, kept) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(gone);
    expect(out).toContain(kept);
    expect(out).toContain("[redacted]");
  });

  it("masks access key IDs as aws configure list does", () => {
    expect(redactSecrets("user AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A")).toBe("user ****************MPLE and ****************VV7A");
  });

  it("removes known values wherever they are", () => {
    expect(redactSecrets("bad token abc123 (abc123)", ["abc123", undefined, "x"])).toBe("bad token [redacted] ([redacted])");
  });

  it.each([
    "An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/dev is not authorized",
    "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
    "KeyError: 'AccessKeyId'",
    "sha256 9f86d081884c7d659a2feaf0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 and uuid 0b8e4b52-3c1f-4b6e-9a51-5ed2b0a4c7f1",
    "/usr/local/lib/python3.11/site-packages/botocore/credentials.py line 1043",
    "the session token expired; run aws sso login --profile dev",
    "version 1.2.3 at api.example.com",
    "GET /latest/meta-data/iam/security-credentials-extended/MyEC2InstanceRoleForProduction answered 404",
    "/Users/JohnSmith/projects/credchain-helper/bin/get-credentials.js exited",
  ])("keeps ordinary text: %s", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it.each<[string, string]>([
    ["letters", "a".repeat(1 << 20)],
    ["a field name without its value", "token".repeat(1 << 18)],
    ["names and delimiters", "key=".repeat(1 << 18)],
    ["quotes", `"`.repeat(1 << 20)],
    ["an unclosed quoted value", `"token": "${"a\\".repeat(1 << 19)}`],
    ["spaces after a name", `key${" ".repeat(1 << 20)}`],
    ["open tags", "<a ".repeat(1 << 18)],
    ["a tag without its end", `<${"a".repeat(1 << 20)}`],
    ["slashes", "//".repeat(1 << 19)],
    ["escaped slashes", "\\/".repeat(1 << 19)],
    ["dots", "eyJ.".repeat(1 << 18)],
    ["access key prefixes", "AKIA".repeat(1 << 18)],
    ["short base64 runs", "abcDEF123456789012345678901234567890+/ ".repeat(1 << 15)],
    ["Bearer", "Bearer ".repeat(1 << 17)],
  ])("stays linear on 1 MB of %s", (_what, text) => {
    const started = performance.now();
    const out = redactSecrets(text);
    const ms = performance.now() - started;
    expect(typeof out).toBe("string");
    // Quadratic behaviour on 1 MB takes minutes; linear takes milliseconds (generous for a loaded machine).
    expect(ms).toBeLessThan(3000);
  });
});

describe(quoteUntrusted.name, () => {
  it("redacts the whole text before it cuts, and says how much it cut", () => {
    const text = `${"x ".repeat(300)}aws_secret_access_key=${SECRET_KEY}\n${"y".repeat(2000)}`;
    const out = quoteUntrusted(text);
    expect(out.length).toBeLessThan(560);
    expect(out).toMatch(/… \(2,\d{3} more characters\)$/);
    expect(quoteUntrusted(text, { max: 700 })).toContain("aws_secret_access_key=[redacted] yyy");
    // A secret across the cut is gone too, not half kept.
    const across = quoteUntrusted(`${"z".repeat(500)} ${SECRET_KEY}`);
    expect(across).not.toContain("wJalrXUtnF");
  });

  it("makes one line of it, without control characters", () => {
    expect(quoteUntrusted("\n  Traceback\r\n\tline 2\u001b[31m red\u0000\n")).toBe("Traceback line 2 [31m red");
  });

  it("leaves short ordinary text alone", () => {
    expect(quoteUntrusted("token expired, run login")).toBe("token expired, run login");
  });
});

// Property: a planted secret, in any shape redactSecrets claims to handle, in any surrounding
// text, never survives. Seeded: CREDCHAIN_SEED=<n> replays a failure, CREDCHAIN_SEED=random explores.
describe("redactSecrets on generated text", () => {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  const PASSWORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~ ";
  const NOISE = [" ", "\n", "\r\n", "\t", ": ", "=", ",", ".", "{", "}", "[", "]", "<", ">", "/", "\\", "'", '"', "error", "Error:", "the", "token", "key", "x", "AccessDenied", "123", "-", "\u00a0", "\u2028"];
  const NAMES = ["SecretAccessKey", "aws_secret_access_key", "AWS_SESSION_TOKEN", "sessionToken", "password", "PASSWORD", "db_passwd", "x-amz-security-token", "Authorization", "api-key", "ClientSecret", "refresh_token", "Signature", "Credential"];

  type Shape = (rnd: Prng) => [text: string, secret: string];
  const password = (rnd: Prng) => `P${rnd.chars(PASSWORD_CHARS, 12 + rnd.int(20)).trim()}q`;
  const shapes: Record<string, Shape> = {
    secretKey: (rnd) => [SECRET_KEY, rnd.chars(B64, 40)].map((s) => [s, s] as [string, string])[rnd.int(2)]!,
    sessionToken: (rnd) => {
      const s = `${rnd.pick(["IQoJb3JpZ2lu", "FwoGZXIvYXdz", "AQoDYXdz"])}${rnd.chars(B64, 60 + rnd.int(300))}${rnd.pick(["", "=", "=="])}`;
      return [s, s];
    },
    jwt: (rnd) => {
      const s = `eyJ${rnd.chars(B64URL, 10 + rnd.int(30))}.eyJ${rnd.chars(B64URL, 10 + rnd.int(60))}.${rnd.chars(B64URL, 12 + rnd.int(40))}`;
      return [s, s];
    },
    bearer: (rnd) => {
      const s = rnd.chars(B64URL, 16 + rnd.int(30));
      return [`Bearer ${s}`, s];
    },
    jsonField: (rnd) => {
      const s = password(rnd).replaceAll("\\", "");
      const q = rnd.pick(['"', "'"]);
      return [`${q}${rnd.pick(NAMES)}${q}${rnd.pick([":", ": ", " : "])}${q}${s.replaceAll(q, `\\${q}`)}${q}`, s];
    },
    lineField: (rnd) => {
      const s = password(rnd);
      return [`${rnd.pick(["", "export ", "  "])}${rnd.pick(NAMES)}${rnd.pick(["=", " = ", ": ", ":"])}${s}\n`, s];
    },
    xmlField: (rnd) => {
      const s = password(rnd).replace(/[<>]/g, "");
      const name = rnd.pick(["SessionToken", "SecretAccessKey", "Password", "ns:Token"]);
      return [`<${name}>${s}</${name}>`, s];
    },
    sigv4: (rnd) => {
      const s = rnd.chars("0123456789abcdef", 64);
      return [`Authorization: AWS4-HMAC-SHA256 Credential=AKIA${rnd.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}/20240101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${s}`, s];
    },
    userinfo: (rnd) => {
      const s = `p${rnd.chars("abcdefghijklmnopqrstuvwxyz0123456789!$&()*+,;=", 16)}`;
      return [`https://user:${s}@example.com/path`, s];
    },
  };
  const names = Object.keys(shapes);

  it("never lets a planted secret through (2,000 texts)", () => {
    const seed = testSeed(20261204);
    const rnd = prng(seed);
    for (let n = 0; n < 2000; n++) {
      const planted: [string, string][] = [];
      let text = "";
      for (let parts = 1 + rnd.int(12); parts > 0; parts--) {
        if (rnd.int(3) === 0) {
          const shape = rnd.pick(names);
          const [piece, secret] = shapes[shape]!(rnd);
          planted.push([shape, secret]);
          text += piece;
        } else {
          text += rnd.pick(NOISE);
        }
      }
      const out = redactSecrets(text);
      for (const [shape, secret] of planted) {
        // No 12-character window of it either: half a key is still too much.
        for (let i = 0; i + 12 <= secret.length; i += 4) {
          if (out.includes(secret.slice(i, i + 12))) {
            throw new Error(`seed ${seed}, text ${n}: a ${shape} secret survived:\n${JSON.stringify(text)}\n→ ${JSON.stringify(out)}`);
          }
        }
      }
    }
  });
});
