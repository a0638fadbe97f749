import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CODES } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { BOTOCORE_UNCODED, PYTHON_BUILTIN_CODES, expectedCredchainCode, stsErrorCodeOf } from "./error-codes.js";
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

describe("botocore exceptions without a credchain code", () => {
  const client = { Code: "Client", Class: "ClientError", Module: "botocore.exceptions", Message: "An error occurred (AccessDenied) when calling the AssumeRole operation: no" };
  const modeled = { Code: "ExpiredTokenException", Class: "ExpiredTokenException", Module: "botocore.errorfactory", Message: "An error occurred (ExpiredTokenException) when calling …" };

  it("maps ClientError and modeled STS errors to CredentialRetrieval, ParamValidationError to InvalidConfig", () => {
    expect(expectedCredchainCode(client)).toBe("CredentialRetrieval");
    expect(expectedCredchainCode(modeled)).toBe("CredentialRetrieval");
    expect(expectedCredchainCode({ Code: "ParamValidation", Class: "ParamValidationError", Module: "botocore.exceptions" })).toBe("InvalidConfig");
    expect(expectedCredchainCode({ Code: "ParamValidation", Class: "ParamValidationError", Module: "botocore.exceptions" }, "CredentialRetrieval"))
      .toBe("CredentialRetrieval");
  });

  it("maps SSLError (a certificate refused, a CA bundle that cannot be loaded) to CredentialRetrieval", () => {
    expect(expectedCredchainCode({ Code: "SSL", Class: "SSLError", Module: "botocore.exceptions" })).toBe("CredentialRetrieval");
    expect(expectedCredchainCode({ Code: "SSL", Class: "SSLError", Module: "botocore.exceptions" }, "TokenRetrieval")).toBe("TokenRetrieval");
  });

  it("reads the STS error code out of the message", () => {
    expect(stsErrorCodeOf(client)).toBe("AccessDenied");
    expect(stsErrorCodeOf(modeled)).toBe("ExpiredTokenException");
    expect(stsErrorCodeOf({ Code: "InvalidConfig", Class: "InvalidConfigError", Module: "botocore.exceptions", Message: "x" })).toBeUndefined();
  });

  it("maps only to codes core defines, and is the table README.md documents", () => {
    expect(Object.values(BOTOCORE_UNCODED).filter((code) => !(code in ERROR_CODES))).toEqual([]);
    const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
    const rows = Object.fromEntries([...readme.matchAll(/^\| botocore `(\w+)` \| `(\w+)` \|/gm)].map((m) => [m[1], m[2]]));
    expect(rows).toEqual(BOTOCORE_UNCODED);
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
