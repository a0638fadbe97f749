import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CODES } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { PYTHON_BUILTIN_CODES, expectedCredchainCode } from "./error-codes.js";
import { PACKAGE_ROOT } from "./scenario.js";

describe(expectedCredchainCode.name, () => {
  it("uses botocore's own exception name without Error", () => {
    expect(expectedCredchainCode({ Code: "ConfigParse", Class: "ConfigParseError", Module: "botocore.exceptions" })).toBe("ConfigParse");
  });

  it("keeps NoCredentials (get_credentials() returned None)", () => {
    expect(expectedCredchainCode({ Code: "NoCredentials", Class: null })).toBe("NoCredentials");
  });

  it("maps Python built-ins through the table, and a scenario override wins", () => {
    const e = { Code: "Parser", Class: "ParserError", Module: "dateutil.parser._parser" };
    expect(expectedCredchainCode(e)).toBe("InvalidConfig");
    expect(expectedCredchainCode(e, "CredentialRetrieval")).toBe("CredentialRetrieval");
  });

  it("never lets an override change a botocore exception's code", () => {
    expect(expectedCredchainCode({ Code: "ProfileNotFound", Class: "ProfileNotFound", Module: "botocore.exceptions" }, "X"))
      .toBe("ProfileNotFound");
  });
});

describe("PYTHON_BUILTIN_CODES", () => {
  it("maps only to codes core defines", () => {
    const unknown = Object.values(PYTHON_BUILTIN_CODES).filter((code) => !(code in ERROR_CODES));
    expect(unknown).toEqual([]);
  });

  it("is the table README.md documents, row for row", () => {
    const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
    const rows = Object.fromEntries(
      [...readme.matchAll(/^\| `(\w+)` \| `(\w+)` \|/gm)].map((m) => [m[1], m[2]]),
    );
    expect(rows).toEqual(PYTHON_BUILTIN_CODES);
  });
});
