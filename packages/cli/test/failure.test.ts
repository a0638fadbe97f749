import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { errorBody } from "../src/failure.js";

describe(errorBody.name, () => {
  it("prints a CredchainError's code and message as they are", () => {
    expect(errorBody(new CredchainError({ code: "NoRegion", message: "You must specify a region." }))).toEqual({ Code: "NoRegion", Message: "You must specify a region." });
  });

  it("quotes any other error's message redacted and short: it came from outside credchain", () => {
    const body = errorBody(new Error(`upstream said: Authorization: Bearer abc.def\n${"x".repeat(3000)}`));
    expect(body.Code).toBe("CredentialRetrieval");
    expect(body.Message).toMatch(/^upstream said: Authorization: \[redacted\] x+… \(2,\d{3} more characters\)$/);
  });
});
