import { createHash, createHmac, type Hash as NodeHash, type Hmac } from "node:crypto";

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) over `node:crypto`, in the shape
 * `@smithy/signature-v4` asks for as its `sha256` option (a Hash constructor). Replaces
 * `@aws-crypto/sha256-js`, which would add a pure-JS SHA-256 to every bundle.
 *
 * @example
 * ```ts
 * const h = new Sha256();
 * h.update("abc");
 * Buffer.from(await h.digest()).toString("hex"); // "ba7816bf…"
 * ```
 */
export class Sha256 {
  readonly #hash: NodeHash | Hmac;

  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(secret));
  }

  update(data: SourceData, encoding?: "utf8" | "ascii" | "latin1"): void {
    const bytes = toBytes(data);
    if (typeof bytes === "string") this.#hash.update(bytes, encoding ?? "utf8");
    else this.#hash.update(bytes);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
}
