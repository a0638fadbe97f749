import { describe, expect, it } from "vitest";
import { entrySpecifiers } from "./entry-specifiers.js";

describe(entrySpecifiers.name, () => {
  it("names the root and every subpath, not package.json", () => {
    const exports = { ".": { import: {}, require: {} }, "./compose": { import: {}, require: {} }, "./package.json": "./package.json" };
    expect(entrySpecifiers("@credchain/chain", exports)).toEqual(["@credchain/chain", "@credchain/chain/compose"]);
  });
});
