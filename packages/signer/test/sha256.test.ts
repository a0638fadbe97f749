import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256 } from "../src/index.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

describe(Sha256.name, () => {
  it("hashes text, bytes and views of bytes alike", async () => {
    const text = new Sha256();
    text.update("abc");
    const bytes = new Sha256();
    bytes.update(new Uint8Array([97, 98]));
    bytes.update(new Uint8Array([0, 99]).subarray(1)); // a view with an offset
    expect(hex(await text.digest())).toBe(ABC);
    expect(hex(await bytes.digest())).toBe(ABC);
  });

  it("is an HMAC when given a secret, and starts over on reset", async () => {
    const h = new Sha256("key");
    h.update("other");
    h.reset();
    h.update(new TextEncoder().encode("data").buffer);
    expect(hex(await h.digest())).toBe(createHmac("sha256", "key").update("data").digest("hex"));
  });
});
