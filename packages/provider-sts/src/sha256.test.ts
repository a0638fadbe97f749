import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256 } from "./sha256.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("Sha256", () => {
  it("hashes strings and bytes (FIPS 180-2 vector)", async () => {
    const h = new Sha256();
    h.update("ab");
    h.update(new TextEncoder().encode("c"));
    expect(hex(await h.digest())).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is an HMAC when given a secret (string, bytes or ArrayBuffer)", async () => {
    const expected = createHmac("sha256", "key").update("data").digest("hex");
    for (const secret of ["key", new TextEncoder().encode("key"), new TextEncoder().encode("key").buffer]) {
      const h = new Sha256(secret);
      h.update(new DataView(new TextEncoder().encode("data").buffer));
      expect(hex(await h.digest())).toBe(expected);
    }
  });
});
