import type { HandlerRequest } from "./emulator-server.js";
import { StsFailure } from "./sts-failure.js";
import type { KeyTable, KnownKey } from "./sts-identities.js";
import { expectedSignature, parseAmzDate, parseAuthorization } from "./sts-signature.js";

const INVALID_TOKEN = "The security token included in the request is invalid.";

/**
 * The caller of a signed request, checked in STS's order: a SigV4 `Authorization` header and
 * `X-Amz-Date`, a known key with its session token, the `sts` scope, the clock skew, the
 * signature (recomputed from the key's secret), then the key's expiry.
 */
export function authenticate(req: HandlerRequest, keys: KeyTable, now: () => number, maxSkewMs: number): KnownKey {
  const header = req.headers.authorization;
  if (header === undefined) throw new StsFailure("MissingAuthenticationToken", "Request is missing Authentication Token");
  const auth = parseAuthorization(header);
  const amzDate = req.headers["x-amz-date"];
  if (!auth || amzDate === undefined) {
    throw new StsFailure("IncompleteSignature", "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and an X-Amz-Date header.");
  }
  const key = keys.get(auth.accessKeyId);
  if (!key) throw new StsFailure("InvalidClientTokenId", INVALID_TOKEN);
  if (req.headers["x-amz-security-token"] !== key.sessionToken) throw new StsFailure("InvalidClientTokenId", INVALID_TOKEN);
  if (auth.service !== "sts") throw new StsFailure("SignatureDoesNotMatch", "Credential should be scoped to correct service: 'sts'.");
  const signedAt = parseAmzDate(amzDate);
  if (!(Math.abs(signedAt - now()) <= maxSkewMs) || amzDate.slice(0, 8) !== auth.date) {
    throw new StsFailure("SignatureDoesNotMatch", `Signature expired: ${amzDate} is now earlier or later than the allowed window.`);
  }
  if (expectedSignature(req, auth, amzDate, key.secretAccessKey) !== auth.signature) {
    throw new StsFailure(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  if (key.expiration !== undefined && key.expiration <= now()) {
    throw new StsFailure("ExpiredToken", "The security token included in the request is expired");
  }
  return key;
}
