import { describe, expect, it } from "vitest";
import { extendExpiration } from "../src/extend-expiration.js";

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const WINDOW = 900_000;

describe(extendExpiration.name, () => {
  it("extends expired credentials to now + window + 120..600 s of jitter", () => {
    const expiration = new Date(NOW - 60_000);
    expect(extendExpiration(expiration, NOW, WINDOW, () => 0)?.getTime()).toBe(NOW + 1_020_000);
    expect(extendExpiration(expiration, NOW, WINDOW, () => 0.999999)?.getTime()).toBe(NOW + 1_500_000);
  });

  it("extends credentials expiring inside the offset, never shortening them", () => {
    const expiration = new Date(NOW + 1_100_000);
    expect(extendExpiration(expiration, NOW, WINDOW, () => 0)).toBeUndefined();
    expect(extendExpiration(expiration, NOW, WINDOW, () => 0.5)?.getTime()).toBe(NOW + 1_260_000);
  });

  it("leaves credentials far from expiry alone", () => {
    expect(extendExpiration(new Date(NOW + 6 * 3600_000), NOW, WINDOW, () => 0.999)).toBeUndefined();
  });
});
