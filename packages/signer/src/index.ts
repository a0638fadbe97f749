export {
  createSigner,
  UNSIGNED_PAYLOAD,
  UNSIGNED_PAYLOAD_SERVICES,
  type SignableRequest,
  type SignedHeaders,
  type Signer,
  type SignerOptions,
  type WireRequest,
} from "./create-signer.js";
export { signRequest } from "./sign-request.js";
export { createSignedFetch, type FetchLike, type SignedFetchOptions } from "./create-signed-fetch.js";
export { STREAM_BODY_MESSAGE } from "./errors.js";
export type { SignableBody } from "./body.js";
export type { HeadersLike } from "./headers.js";
export { Sha256, type SourceData } from "./sha256.js";
