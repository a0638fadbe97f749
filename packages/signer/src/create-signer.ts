import type { CredentialProvider } from "@credchain/core";
import type { WithRefreshOptions } from "@credchain/refresh-manager";
import { payloadOf, type SignableBody } from "./body.js";
import { parseQuery, singleEncodedPath } from "./canonical-uri.js";
import { invalidInput, noRegion } from "./errors.js";
import { headerRecord, type HeadersLike } from "./headers.js";
import { refreshingProvider } from "./refreshing.js";
import { Sha256 } from "./sha256.js";
import { SignatureV4WithQuery } from "./signature-v4-with-query.js";
import { checkHeaders, checkMethod, checkScopePart, checkTarget, requestUrl } from "./validate-request.js";

/** The literal payload hash of a body that is not hashed. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

export interface SignerOptions {
  /** Where credentials come from; called for every request (through the refresh manager). */
  credentials: CredentialProvider;
  /** Signing region, e.g. `us-east-1`, or a function resolving it (called per request). */
  region: string | (() => string | Promise<string>);
  /** Signing name of the service, e.g. `execute-api`, `s3`, `sts`. */
  service: string;
  /**
   * Sign `x-amz-content-sha256: UNSIGNED-PAYLOAD` instead of hashing the body; required for
   * stream bodies, accepted by S3 and a few other services. Default: false.
   */
  unsignedPayload?: boolean;
  /** Send UNSIGNED-PAYLOAD to a service outside UNSIGNED_PAYLOAD_SERVICES (one you know accepts it). Default: false. */
  allowUnsignedPayload?: boolean;
  /** Also send the body's hash as `x-amz-content-sha256` (S3 requires it). Default: false. */
  contentSha256Header?: boolean;
  /**
   * Normalise the path (`.`/`..`/`//`) and encode it once more, as every service but S3 expects.
   * `false`: S3 style — the path as sent, each segment encoded once. Default: true.
   */
  uriEscapePath?: boolean;
  /**
   * `withRefresh` options for the cache put around `credentials`, or `false` to call `credentials`
   * as is. A provider that already caches (has `dispose()`) is never wrapped. Default: `{}`.
   */
  refresh?: WithRefreshOptions | false;
  /** The signing clock, milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/** A request to sign: the method exactly as sent, the full URL, its headers and body. */
export interface SignableRequest {
  /** Default: `GET`. Signed as given (HTTP methods are case-sensitive). */
  method?: string;
  url: string | URL;
  headers?: HeadersLike;
  body?: SignableBody;
}

/** The request's headers, lower-cased, plus `host`, `x-amz-date`, `authorization` and, when they apply, `x-amz-security-token` and `x-amz-content-sha256`. */
export type SignedHeaders = Record<string, string>;

/** The request as it goes on the wire: the path and query exactly as sent. */
export interface WireRequest {
  method: string;
  /** `hostname[:port]`, used when `headers` has no `host`. */
  host: string;
  /** The path as sent, e.g. `/a/b%20c`. */
  path: string;
  /** The query as sent, with or without its `?`. */
  search: string;
  headers: HeadersLike;
  body: SignableBody;
}

export interface Signer {
  /** Signs a request, fetching credentials first; `signal` abandons the credential wait. */
  sign(request: SignableRequest, options?: { signal?: AbortSignal }): Promise<SignedHeaders>;
  /** Signs a request whose path and query are given exactly as they go on the wire. */
  signWire(request: WireRequest, options?: { signal?: AbortSignal }): Promise<SignedHeaders>;
}

/**
 * A reusable SigV4 signer. Options are checked at once (a missing service or region throws
 * here, before any credential lookup); credentials are fetched for every request through
 * `withRefresh`, so rotated credentials are picked up before the old ones expire.
 *
 * @example
 * ```ts
 * import { createSigner } from "@credchain/signer";
 * import { fromEnv } from "@credchain/provider-env";
 *
 * const signer = createSigner({ credentials: fromEnv(), region: "eu-west-1", service: "execute-api" });
 * const headers = await signer.sign({ method: "POST", url: "https://api.example.com/v1/items", body: "{}" });
 * ```
 */
/** Services that accept `x-amz-content-sha256: UNSIGNED-PAYLOAD`; others need the body's hash. */
export const UNSIGNED_PAYLOAD_SERVICES: readonly string[] = ["s3", "s3-object-lambda", "s3-outposts", "s3express", "vpc-lattice-svcs"];

export function createSigner(options: SignerOptions): Signer {
  if (options === null || typeof options !== "object") throw invalidInput("SigV4 signing needs options: { credentials, region, service }", "options");
  const { service, region } = options;
  if (typeof service !== "string" || service === "") {
    throw invalidInput('SigV4 signing needs a service name: pass `service` (e.g. "execute-api", "s3")', "service");
  }
  checkScopePart(service, "service");
  if (region === undefined || region === null || region === "") throw noRegion();
  if (typeof region !== "string" && typeof region !== "function") throw noRegion(`\`region\` must be a string, got ${typeof region}`);
  if (typeof region === "string") checkScopePart(region, "region");
  if (typeof options.credentials !== "function") {
    throw invalidInput("SigV4 signing needs `credentials`: a credential provider such as defaultChain()", "credentials");
  }
  const credentials = refreshingProvider(options.credentials, options.refresh);
  const unsignedPayload = options.unsignedPayload ?? false;
  if (unsignedPayload && !options.allowUnsignedPayload && !UNSIGNED_PAYLOAD_SERVICES.includes(service)) {
    throw invalidInput(
      `service "${service}" needs the payload hash: UNSIGNED-PAYLOAD is accepted by ${UNSIGNED_PAYLOAD_SERVICES.join(", ")}; send a string or bytes body to have it hashed, or set allowUnsignedPayload: true if your service accepts it`,
      "unsignedPayload",
    );
  }
  const uriEscapePath = options.uriEscapePath ?? true;
  const now = options.now ?? Date.now;

  // `headers` is a record made for this request (headerRecord's), so it is filled in and handed
  // to smithy as it is; the request's parts are checked here, before any credential lookup.
  const signParts = async (
    method: string,
    host: string,
    path: unknown,
    search: unknown,
    headers: Record<string, string>,
    body: SignableBody,
    signal: AbortSignal | undefined,
  ): Promise<SignedHeaders> => {
    checkMethod(method);
    const target = checkTarget(path, "path");
    const query = parseQuery(checkTarget(search ?? "", "search"));
    headers.host ??= host;
    if (typeof headers.host !== "string" || headers.host === "") throw invalidInput("cannot sign a request without its host: give `host` or a `host` header", "host");
    checkHeaders(headers);
    // Checked before credentials are looked up: a provider may be a network call.
    const pending = payloadOf(body, unsignedPayload);
    const payload = pending instanceof Promise ? await pending : pending;
    if (unsignedPayload) headers["x-amz-content-sha256"] = UNSIGNED_PAYLOAD;
    const signingRegion = typeof region === "string" ? region : await region();
    if (typeof signingRegion !== "string" || signingRegion === "") throw noRegion("the `region` function resolved no region");
    if (signingRegion !== region) checkScopePart(signingRegion, "region");
    const creds = await credentials(signal ? { signal } : undefined);
    // Smithy reads only the key fields of the credentials; its own copy of the request (headers
    // and all) is what comes back, so its headers are returned as they are.
    const signer = new SignatureV4WithQuery(
      { credentials: creds, region: signingRegion, service, sha256: Sha256, uriEscapePath, applyChecksum: options.contentSha256Header ?? false },
      query,
    );
    const signed = await signer.sign(
      { method, protocol: "https:", hostname: headers.host, path: uriEscapePath ? target : singleEncodedPath(target), query: {}, headers, body: payload },
      { signingDate: new Date(now()) },
    );
    return signed.headers;
  };

  const signWire: Signer["signWire"] = (request, callOptions) => {
    try {
      if (request === null || typeof request !== "object") throw invalidInput("signWire needs a request: { method, host, path, search, headers, body }", "request");
      return signParts(request.method, request.host, request.path, request.search, headerRecord(request.headers), request.body, callOptions?.signal);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    signWire,
    // Not async: a promise returned from an async function costs two more turns of the microtask
    // queue on every request; what throws before signParts is turned into a rejection here.
    sign(request, callOptions) {
      try {
        if (request === null || typeof request !== "object") throw invalidInput("signing needs a request: { url, method?, headers?, body? }", "request");
        const url = requestUrl(request.url);
        return signParts(request.method ?? "GET", url.host, url.pathname, url.search, headerRecord(request.headers), request.body, callOptions?.signal);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
