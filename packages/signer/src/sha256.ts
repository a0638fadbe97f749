import { nodeCrypto } from "@credchain/core/internal";
import type { Hash, Hmac } from "node:crypto";

/** What `@smithy/signature-v4` hands to a hash: text (UTF-8) or bytes. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === "string"
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) over `node:crypto`, in the shape
 * `@smithy/signature-v4` expects for its `sha256` option — so the signer needs no
 * `@aws-crypto/*` package.
 *
 * @example
 * ```ts
 * const hash = new Sha256();
 * hash.update("");
 * Buffer.from(await hash.digest()).toString("hex"); // "e3b0c442…b855"
 * ```
 */
export class Sha256 {
  readonly #secret: SourceData | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret;
    this.#hash = this.#create();
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#create();
  }

  #create(): Hash | Hmac {
    return this.#secret === undefined ? nodeCrypto().createHash("sha256") : nodeCrypto().createHmac("sha256", bytes(this.#secret));
  }
}
