import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./parse-timestamp.js";

describe("parseTimestamp", () => {
  it("reads ISO 8601 in UTC and with an offset as the same kind of instant", () => {
    expect(parseTimestamp("2099-01-01T00:00:00Z")?.toISOString()).toBe("2099-01-01T00:00:00.000Z");
    expect(parseTimestamp("2099-06-01T12:00:00+02:00")?.toISOString()).toBe("2099-06-01T10:00:00.000Z");
  });

  it("keeps fractional seconds", () => {
    expect(parseTimestamp(" 2099-01-01T00:00:00.250Z ")?.getTime()).toBe(Date.UTC(2099, 0, 1, 0, 0, 0, 250));
  });

  it("reads a zoneless time as local time, as botocore compares it", () => {
    expect(parseTimestamp("2099-01-01T00:00:00")?.getTime()).toBe(new Date(2099, 0, 1).getTime());
  });

  it("answers undefined for text that names no instant", () => {
    expect(parseTimestamp("not-a-date")).toBeUndefined();
    expect(parseTimestamp("")).toBeUndefined();
    expect(parseTimestamp("   ")).toBeUndefined();
  });
});
