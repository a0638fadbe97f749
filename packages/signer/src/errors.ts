import { CredchainError } from "@credchain/core";

/** The message a stream body gets without `unsignedPayload` (the brief's wording, kept stable for tests). */
export const STREAM_BODY_MESSAGE = "cannot hash a stream body; pass unsignedPayload: true where the service allows it";

/**
 * A signer option or a request that is missing or unusable (no URL, a header with CR/LF, …):
 * `InvalidConfig`, the code credchain gives botocore's ParamValidationError too. Thrown before
 * any credential lookup or request.
 */
export function invalidInput(message: string, key: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, key });
}

/** No region, or an empty one: botocore's NoRegionError. */
export function noRegion(detail = "pass `region` (e.g. \"us-east-1\")"): CredchainError {
  return new CredchainError({ code: "NoRegion", message: `SigV4 signing needs a region: ${detail}`, key: "region" });
}
