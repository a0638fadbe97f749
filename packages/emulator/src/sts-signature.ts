import aws4 from "aws4";
import type { HandlerRequest } from "./emulator-server.js";

/** The parts of an `Authorization: AWS4-HMAC-SHA256 …` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH = /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;_.-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

/** Parses the header; undefined when it is not a well-formed SigV4 header (STS: IncompleteSignature). */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const m = AUTH.exec(header.trim());
  if (!m) return undefined;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(";"),
    signature: m[6]!,
  };
}

/** The headers aws4 leaves out unless told otherwise; a client may still have signed them. */
const AWS4_IGNORED = ["authorization", "connection", "x-amzn-trace-id", "user-agent", "expect", "presigned-expires", "range"];

/**
 * The signature the request should carry, recomputed by `aws4` (an implementation independent
 * of the client's) over exactly the headers the client says it signed.
 */
export function expectedSignature(request: HandlerRequest, auth: ParsedAuthorization, amzDate: string, secretAccessKey: string): string {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = request.headers[name] ?? "";
  const include = Object.fromEntries(AWS4_IGNORED.filter((h) => auth.signedHeaders.includes(h)).map((h) => [h, true]));
  const signer = new aws4.RequestSigner(
    {
      method: request.method,
      host: request.headers.host ?? "",
      path: request.path + request.query,
      headers,
      body: request.body,
      service: auth.service,
      region: auth.region,
      doNotModifyHeaders: true,
      // Not in @types/aws4, read by the constructor.
      ...({ extraHeadersToInclude: include } as object),
    },
    { accessKeyId: auth.accessKeyId, secretAccessKey },
  );
  // With doNotModifyHeaders aws4 would take its date from the clock; use the request's.
  (signer as unknown as { datetime: string }).datetime = amzDate;
  return (signer as unknown as { signature(): string }).signature();
}

/** `20261123T120000Z` → ms since the epoch, or NaN. */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
