import { nodeCrypto } from "@credchain/core/internal";
import { escapeUri } from "@credchain/core/http";

/** The key pair (and token) a request is signed with. */
export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SigV4Request {
  method: string;
  url: URL;
  /** Lower-case names. `user-agent` is sent but not signed, as the AWS SDKs do. */
  headers: Record<string, string>;
  body: string;
}

const hmac = (key: string | Buffer, data: string) => nodeCrypto().createHmac("sha256", key).update(data, "utf8").digest();
const sha256Hex = (data: string) => nodeCrypto().createHash("sha256").update(data, "utf8").digest("hex");

/**
 * SigV4's canonical URI for every service but S3: `.` and `..` segments resolved, empty ones
 * dropped, and the (already percent-encoded) path encoded once more.
 */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const s of path.split("/")) {
    if (s === "..") segments.pop();
    else if (s && s !== ".") segments.push(s);
  }
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return `/${segments.map(escapeUri).join("/")}${trailing}`;
}

/**
 * Signs a query-less request with AWS Signature Version 4 (header form): returns the headers to
 * send, with `x-amz-date`, `x-amz-security-token` (with a session token) and `authorization`
 * added. Enough for the STS Query API (a form POST); `@credchain/signer` signs anything else.
 *
 * @example
 * ```ts
 * const headers = signV4(
 *   { method: "POST", url: new URL("https://sts.amazonaws.com/"), headers: { host: "sts.amazonaws.com" }, body: "Action=GetCallerIdentity&Version=2011-06-15" },
 *   { accessKeyId, secretAccessKey }, "us-east-1", "sts", new Date(),
 * );
 * ```
 */
export function signV4(request: SigV4Request, keys: SigningKeys, region: string, service: string, date: Date): Record<string, string> {
  const amzDate = date.toISOString().replace(/[-:]|\.\d+/g, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...request.headers, "x-amz-date": amzDate };
  if (keys.sessionToken !== undefined) headers["x-amz-security-token"] = keys.sessionToken;
  const names = Object.keys(headers)
    .filter((n) => n !== "user-agent")
    .sort();
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    request.method,
    canonicalPath(request.url.pathname),
    "",
    ...names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, " ")}`),
    "",
    signedHeaders,
    sha256Hex(request.body),
  ].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  let key: string | Buffer = `AWS4${keys.secretAccessKey}`;
  for (const part of [day, region, service, "aws4_request"]) key = hmac(key, part);
  const signature = hmac(key, stringToSign).toString("hex");
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
