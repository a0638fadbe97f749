import { timingSafeEqual } from "node:crypto";
import aws4 from "aws4";

/** The secret (and token) behind an access key id, as a server's key table holds them. */
export interface KeyEntry {
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** Requests signed after this are refused (ms since the epoch). */
  expiresAt?: number | undefined;
}

export interface ReceivedRequest {
  method: string;
  /** The request target as received: path and query. */
  target: string;
  /** Lower-cased names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body?: string | Buffer | undefined;
}

export type Verdict = { ok: true; accessKeyId: string } | { ok: false; reason: string };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Verifies a SigV4 `Authorization` header the way a server would, recomputing the signature with
 * `aws4` (an implementation independent of `@smithy/signature-v4`) over exactly the signed headers.
 */
export function verifyWithAws4(
  req: ReceivedRequest,
  lookup: (accessKeyId: string) => KeyEntry | undefined,
  expect: { region: string; service: string; now?: number; maxSkewMs?: number },
): Verdict {
  const header = req.headers.authorization;
  const m = typeof header === "string" ? AUTH.exec(header) : null;
  if (!m) return { ok: false, reason: `malformed authorization: ${String(header)}` };
  const [, accessKeyId = "", date = "", region, service, signedList = "", signature = ""] = m;
  if (region !== expect.region || service !== expect.service) return { ok: false, reason: `scope ${region}/${service}` };
  const key = lookup(accessKeyId);
  if (!key) return { ok: false, reason: `unknown access key ${accessKeyId}` };
  const amzDate = req.headers["x-amz-date"];
  if (typeof amzDate !== "string" || !amzDate.startsWith(date)) return { ok: false, reason: `x-amz-date ${String(amzDate)}` };
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  const now = expect.now ?? Date.now();
  if (Math.abs(now - signedAt) > (expect.maxSkewMs ?? 5 * 60_000)) return { ok: false, reason: `clock skew at ${amzDate}` };
  if (key.expiresAt !== undefined && now >= key.expiresAt) return { ok: false, reason: `expired key ${accessKeyId}` };
  if (key.sessionToken !== undefined && req.headers["x-amz-security-token"] !== key.sessionToken) {
    return { ok: false, reason: `wrong session token for ${accessKeyId}` };
  }
  const signedNames = signedList.split(";");
  if (!signedNames.includes("host")) return { ok: false, reason: "host is not signed" };
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    const value = req.headers[name];
    if (value === undefined) return { ok: false, reason: `signed header ${name} missing` };
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const signer = new aws4.RequestSigner(
    {
      method: req.method,
      host: headers.host,
      path: req.target,
      headers,
      body: req.body ?? "",
      service,
      region,
      doNotModifyHeaders: true,
      // aws4 leaves a few headers (range, …) out by default; the client decided what is signed.
      extraHeadersToInclude: Object.fromEntries(signedNames.map((n) => [n, true])),
    } as aws4.Request,
    { accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken },
  );
  (signer as unknown as { datetime: string }).datetime = amzDate;
  const expected = Buffer.from(signer.signature());
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: `signature mismatch; aws4 canonical request:\n${signer.canonicalString()}` };
  }
  return { ok: true, accessKeyId };
}
