import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCredentials, exportCredentials, maskAccessKeyId, type CredentialsInit } from "../src/credentials.js";
import { CredchainError } from "../src/errors.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

describe(createCredentials.name, () => {
  const creds = createCredentials({
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: SECRET,
    sessionToken: TOKEN,
    expiration: new Date("2030-01-01T00:00:00Z"),
    source: "env",
  });

  it("keeps the plain fields readable", () => {
    expect(creds.secretAccessKey).toBe(SECRET);
    expect(creds.sessionToken).toBe(TOKEN);
    expect(Object.keys(creds)).toEqual(["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "source"]);
  });

  it("never shows the secret or token in JSON or inspect", () => {
    for (const text of [JSON.stringify(creds), inspect(creds), inspect({ nested: [creds] }, { depth: 5 })]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("AKIAIOSFODNN7EXAMPLE");
      expect(text).toContain("MPLE");
    }
  });

  it("omits absent optional fields", () => {
    const c = createCredentials({ accessKeyId: "A", secretAccessKey: "B", source: "explicit" });
    expect("sessionToken" in c).toBe(false);
    expect("expiration" in c).toBe(false);
  });

  it("exports the secret only on request", () => {
    expect(exportCredentials(creds).secretAccessKey).toBe(SECRET);
  });

  it("masks access keys as aws configure list does", () => {
    expect(maskAccessKeyId("AKIAIOSFODNN7EXAMPLE")).toBe("****************MPLE");
    expect(maskAccessKeyId("AB")).toBe("****AB");
  });
});

describe("createCredentials: control characters", () => {
  const base: CredentialsInit = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN, accountId: "123456789012", source: "env" };
  const refusal = (init: CredentialsInit, origin?: Parameters<typeof createCredentials>[1]): CredchainError => {
    try {
      createCredentials(init, origin);
    } catch (error) {
      expect(CredchainError.isInstance(error)).toBe(true);
      return error as CredchainError;
    }
    throw new Error("expected a refusal");
  };

  it.each([
    ["CR LF (header injection)", "\r\nX-Amz-Injected: 1"],
    ["LF at the end (a file read with its newline)", "\n"],
    ["CR alone", "\r"],
    ["NUL", "\u0000"],
    ["TAB", "\t"],
    ["ESC", "\u001b[31m"],
    ["DEL", "\u007f"],
    ["C1 NEL", "\u0085"],
    ["C1 CSI", "\u009b"],
  ])("refuses %s in any text field, naming the source and field, never the value", (_, bad) => {
    for (const field of ["accessKeyId", "secretAccessKey", "sessionToken", "accountId"] as const) {
      const error = refusal({ ...base, [field]: `${base[field]}${bad}` });
      expect(error).toMatchObject({ code: "CredentialRetrieval", source: "env", key: field, tryNextLink: false });
      expect(error.message).toBe(`env: ${field} contains a control character (such as CR or LF)`);
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(TOKEN);
      }
    }
  });

  it("names the field as the source names it, with where, file and profile", () => {
    const error = refusal(
      { ...base, source: "shared-credentials-file", sessionToken: `${TOKEN}\r\n` },
      { sessionToken: "aws_session_token", where: 'profile "dev" of /home/me/.aws/credentials', file: "/home/me/.aws/credentials", profile: "dev" },
    );
    expect(error).toMatchObject({ key: "aws_session_token", file: "/home/me/.aws/credentials", profile: "dev", source: "shared-credentials-file" });
    expect(error.message).toBe(
      'shared-credentials-file: aws_session_token in profile "dev" of /home/me/.aws/credentials contains a control character (such as CR or LF)',
    );
  });

  it("accepts printable text, spaces and other non-ASCII (U+00A0 and above)", () => {
    const creds = createCredentials({ ...base, secretAccessKey: "a b/c+d=e", sessionToken: "tök\u00a0én\u2028✓" });
    expect(creds.sessionToken).toBe("tök\u00a0én\u2028✓");
  });
});
