import type { RequestRecord } from "./emulator-server.js";

/** The portal's bearer token header: never kept in the request log. */
export const SSO_BEARER_TOKEN_HEADER = "x-amz-sso_bearer_token";

/**
 * Redacts the SSO bearer token in the request log, in place. The shared server redacts only the
 * IMDS, Authorization and security-token headers, so the SSO portal does its own.
 */
export function redactBearerTokens(requests: RequestRecord[]): RequestRecord[] {
  for (const { headers } of requests) {
    if (headers[SSO_BEARER_TOKEN_HEADER] !== undefined) headers[SSO_BEARER_TOKEN_HEADER] = "[redacted]";
  }
  return requests;
}
