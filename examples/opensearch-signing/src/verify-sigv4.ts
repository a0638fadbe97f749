import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { maskAccessKeyId } from "@credchain/core";
import aws4 from "aws4";

/** What the server knows about an access key: its secret, token and when it stops being valid. */
export interface KeyEntry {
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** Requests arriving at or after this instant (ms since the epoch) are refused. */
  expiresAt: number;
}

export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** `ok`, or why the request is refused (`reason` is for logs; it never holds a secret). */
export type Verdict = { ok: true; accessKeyId: string } | { ok: false; reason: string; expired?: boolean };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 5 * 60_000;

/**
 * Checks a SigV4 `Authorization` header the way an AWS service does, recomputing the signature
 * with `aws4` — an implementation independent of the signers under test (`@smithy/signature-v4`
 * in `@credchain/signer`; the OpenSearch client happens to sign with aws4 itself).
 *
 * @example
 * ```ts
 * const verdict = verifySigV4(request, (id) => keys.get(id), { region: "eu-west-1", service: "es", now: Date.now() });
 * if (!verdict.ok) console.log(verdict.reason);
 * ```
 */
export function verifySigV4(
  req: ReceivedRequest,
  lookup: (accessKeyId: string) => KeyEntry | undefined,
  expect: { region: string; service: string; now: number },
): Verdict {
  const header = req.headers.authorization;
  const m = header === undefined ? null : AUTH.exec(header);
  if (!m) return { ok: false, reason: "missing or malformed Authorization header" };
  const [, accessKeyId = "", date = "", region, service, signedList = "", signature = ""] = m;
  if (region !== expect.region || service !== expect.service) return { ok: false, reason: `credential scope ${region}/${service}` };
  const key = lookup(accessKeyId);
  if (!key) return { ok: false, reason: `unknown access key ${maskAccessKeyId(accessKeyId)}` };
  if (expect.now >= key.expiresAt) return { ok: false, reason: `expired access key ${maskAccessKeyId(accessKeyId)}`, expired: true };
  const amzDate = req.headers["x-amz-date"];
  if (typeof amzDate !== "string" || !amzDate.startsWith(date)) return { ok: false, reason: "x-amz-date missing or outside the scope date" };
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!(Math.abs(expect.now - signedAt) <= MAX_SKEW_MS)) return { ok: false, reason: `request time ${amzDate} too skewed` };
  if (key.sessionToken !== undefined && req.headers["x-amz-security-token"] !== key.sessionToken) {
    return { ok: false, reason: `missing or wrong session token for ${maskAccessKeyId(accessKeyId)}` };
  }
  const signedNames = signedList.split(";");
  if (!signedNames.includes("host")) return { ok: false, reason: "host is not signed" };
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    const value = req.headers[name];
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const signer = new aws4.RequestSigner(
    {
      method: req.method,
      host: headers.host,
      path: req.target,
      headers,
      body: req.body,
      service,
      region,
      doNotModifyHeaders: true,
      // aws4 skips a few headers by default; the client decided what it signed.
      extraHeadersToInclude: Object.fromEntries(signedNames.map((n) => [n, true])),
    },
    { accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken },
  );
  // With doNotModifyHeaders aws4 would take the date from its clock; the request's is the one signed.
  signer.datetime = amzDate;
  const expected = Buffer.from(signer.signature());
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: `signature mismatch for ${maskAccessKeyId(accessKeyId)}` };
  return { ok: true, accessKeyId };
}
