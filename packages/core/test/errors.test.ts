import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CredchainError, ERROR_CODES, notFound, shouldTryNext } from "../src/errors.js";

describe(CredchainError.name, () => {
  it("is recognised across copies of the package by its brand", () => {
    const err = new CredchainError({ code: "InvalidConfig", message: "bad", profile: "p", key: "k" });
    expect(CredchainError.isInstance(err)).toBe(true);
    expect(CredchainError.isInstance(new Error("x"))).toBe(false);
    expect(CredchainError.isInstance({ ...err })).toBe(false);
    expect(err.code).toBe("InvalidConfig");
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ code: "InvalidConfig", profile: "p", key: "k" });
    expect(inspect(err)).toContain("InvalidConfig");
  });

  it("shows code, message, source, the fields that are set and the cause in util.inspect, nothing undefined", () => {
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:1");
    const err = new CredchainError({ code: "ConfigParse", message: "Unable to parse config file /h/.aws/config: line 3", source: "config-file", file: "/h/.aws/config", cause });
    const shown = inspect(err);
    expect(shown).toContain("Unable to parse config file /h/.aws/config: line 3");
    expect(shown).toContain("code: 'ConfigParse'");
    expect(shown).toContain("source: 'config-file'");
    expect(shown).toContain("file: '/h/.aws/config'");
    expect(shown).toContain("[cause]: Error: connect ECONNREFUSED");
    expect(shown).not.toContain("undefined");
    expect(shown).not.toContain("tryNextLink");
    expect(err.tryNextLink).toBe(false);
    expect(Object.keys(err)).toEqual(["code", "source", "file"]);
    expect(JSON.parse(JSON.stringify(err))).toEqual({ name: "CredchainError", code: "ConfigParse", message: err.message, source: "config-file", file: "/h/.aws/config" });
    expect(inspect(notFound("env", "AWS_ACCESS_KEY_ID is not set"))).toContain("tryNextLink: true");
  });

  it("keeps its cause", () => {
    const cause = new Error("root");
    expect(new CredchainError({ code: "ConfigParse", message: "m", cause }).cause).toBe(cause);
  });

  it("moves the chain on only for not-found outcomes", () => {
    expect(shouldTryNext(notFound("env", "AWS_ACCESS_KEY_ID is not set"))).toBe(true);
    expect(shouldTryNext(new CredchainError({ code: "PartialCredentials", message: "m" }))).toBe(false);
    expect(shouldTryNext(new Error("boom"))).toBe(false);
    expect(shouldTryNext(undefined)).toBe(false);
  });

  it("documents every error code in the package README's Errors table, and no other", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const errors = readme.split(/^## /m).find((section) => section.startsWith("Errors\n")) ?? "";
    const rows = [...errors.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.keys(ERROR_CODES));
    for (const [code, doc] of Object.entries(ERROR_CODES)) expect(doc.length, code).toBeGreaterThan(10);
  });

  it("has every error code listed in the repository README (Outcomes and errors), and no other", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const section = readme.split(/^## /m).find((s) => s.startsWith("Outcomes and errors\n")) ?? "";
    const errors = section.slice(section.indexOf("**Errors**"));
    const named = [...errors.matchAll(/`([A-Z]\w+)`/g)].map((m) => m[1]).filter((name) => name !== "CredchainError");
    expect(named).toEqual(Object.keys(ERROR_CODES));
  });
});
