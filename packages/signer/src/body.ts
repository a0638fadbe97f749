import { invalidInput, STREAM_BODY_MESSAGE } from "./errors.js";

/**
 * Bodies the signer understands. Strings, bytes, `URLSearchParams` and `Blob`s are hashed; streams,
 * (async) iterables and `FormData` can only be sent with `unsignedPayload: true`.
 */
export type SignableBody =
  | string
  | ArrayBuffer
  | ArrayBufferView
  | URLSearchParams
  | Blob
  | FormData
  | ReadableStream
  | AsyncIterable<unknown>
  | Iterable<unknown>
  | null
  | undefined;

/** What gets hashed: text, bytes, or nothing. */
export type Payload = string | Uint8Array | undefined;

/**
 * What gets hashed: the bytes or text of the body, `undefined` for none. With `unsignedPayload`
 * nothing is read (the payload hash is the literal `UNSIGNED-PAYLOAD`). A promise only for a
 * `Blob`, whose bytes are read asynchronously: every other body costs the signer no extra turn
 * of the event loop. Throws (never rejects) for a body it cannot hash.
 */
export function payloadOf(body: SignableBody, unsignedPayload: boolean): Payload | Promise<Payload> {
  if (body == null) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return body.toString();
  if (unsignedPayload) return undefined;
  if (typeof Blob !== "undefined" && body instanceof Blob) return body.arrayBuffer().then((bytes) => new Uint8Array(bytes));
  if (typeof FormData !== "undefined" && body instanceof FormData) {
    // Its multipart boundary is only chosen when it is sent, so its bytes are unknown here.
    throw invalidInput(
      "cannot hash a FormData body (its multipart encoding is chosen when it is sent); use createSignedFetch, or pass unsignedPayload: true where the service allows it",
      "unsignedPayload",
    );
  }
  throw invalidInput(STREAM_BODY_MESSAGE, "unsignedPayload");
}

/** True for bodies whose bytes can only be read once: streams and (async) iterables. */
export function isStreamBody(body: unknown): boolean {
  if (body == null || typeof body !== "object") return false;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return false;
  return (
    (typeof ReadableStream !== "undefined" && body instanceof ReadableStream) ||
    Symbol.asyncIterator in body ||
    (Symbol.iterator in body && !(body instanceof URLSearchParams) && !(typeof FormData !== "undefined" && body instanceof FormData))
  );
}
