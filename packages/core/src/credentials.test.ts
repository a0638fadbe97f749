import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCredentials, exportCredentials, maskAccessKeyId } from "./credentials.js";

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
