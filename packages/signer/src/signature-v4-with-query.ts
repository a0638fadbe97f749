import { SignatureV4 } from "@smithy/signature-v4";

type Init = ConstructorParameters<typeof SignatureV4>[0];
/** smithy's `HttpRequest`, as far as this class touches it. */
interface RequestWithQuery {
  query?: unknown;
}
export type Query = Record<string, string | string[]>;

/**
 * `@smithy/signature-v4` for one request whose query is handed over here rather than in the
 * request. smithy's `signRequest` first copies the request with `HttpRequest.clone`, whose query
 * copy spreads the copy made so far once per key: 8,000 parameters took 8–16 s. Given a request
 * without a query, that copy is empty; the query comes back in at `createCanonicalRequest` (the
 * protected hook smithy offers subclasses), so the canonical query is still smithy's own
 * `getCanonicalQuery` over the same names and values, read once. The query is never written to
 * (the copy only protects callers from `presign`, which adds parameters; this class only signs).
 *
 * @example
 * ```ts
 * const signer = new SignatureV4WithQuery({ credentials, region, service, sha256: Sha256 }, { a: "1", b: ["x", "y"] });
 * const signed = await signer.sign({ method: "GET", protocol: "https:", hostname: host, path: "/", query: {}, headers: { host } });
 * ```
 */
export class SignatureV4WithQuery extends SignatureV4 {
  readonly #query: Query;

  constructor(init: Init, query: Query) {
    super(init);
    this.#query = query;
  }

  protected override createCanonicalRequest(request: RequestWithQuery, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return super.createCanonicalRequest({ ...request, query: this.#query } as never, canonicalHeaders, payloadHash);
  }
}
