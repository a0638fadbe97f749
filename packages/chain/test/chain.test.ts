import { CredchainError, createCredentials, notFound, type CredentialProvider } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { withRefresh } from "@credchain/refresh-manager";
import { chain, link } from "../src/index.js";

const creds = (source: "env" | "iam-role", key = "AKID") => createCredentials({ accessKeyId: key, secretAccessKey: "secret-value", source });
const absent = (why: string): CredentialProvider => async () => {
  throw notFound("env", why, { envVars: ["AWS_ACCESS_KEY_ID"] });
};
const broken: CredentialProvider = async () => {
  throw new CredchainError({ code: "PartialCredentials", message: "access key without secret", source: "env" });
};

describe("chain", () => {
  it("returns the first provider that answers, moving past 'not here'", async () => {
    const c = await chain(link("a", absent("nothing in a")), link("b", async () => creds("iam-role")))();
    expect(c.source).toBe("iam-role");
  });

  it("stops at a configured-but-broken provider instead of trying later ones", async () => {
    let reached = false;
    const p = chain(link("a", broken), link("b", async () => ((reached = true), creds("iam-role"))));
    await expect(p()).rejects.toMatchObject({ code: "PartialCredentials" });
    expect(reached).toBe(false);
  });

  it("says what every provider looked at when none answers", async () => {
    const error = await chain(link("a", absent("AWS_ACCESS_KEY_ID is not set")), link("b", absent("no file")))().catch((e: unknown) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    const e = error as CredchainError;
    expect(e.code).toBe("NoCredentials");
    expect(e.tryNextLink).toBe(false);
    expect(e.message).toContain("a: AWS_ACCESS_KEY_ID is not set");
    expect(e.message).toContain("b: no file");
    expect(e.attempts?.map((a) => a.outcome)).toEqual(["skipped", "skipped"]);
    expect(e.attempts?.[0]?.lookedAt?.envVars).toEqual(["AWS_ACCESS_KEY_ID"]);
  });

  it("goes straight back to the provider that answered on later calls, as botocore refreshes", async () => {
    let calls = 0;
    let firstCalls = 0;
    const p = chain(
      link("first", async () => {
        firstCalls++;
        throw notFound("env", "not yet");
      }),
      link("second", async () => creds("iam-role", `AKID${++calls}`)),
    );
    expect((await p()).accessKeyId).toBe("AKID1");
    expect((await p()).accessKeyId).toBe("AKID2");
    expect(firstCalls).toBe(1);
  });

  it("explains each provider in order and never rejects", async () => {
    const trace = await chain(link("a", absent("not set")), link("b", broken), link("c", async () => creds("env")))
      .explain();
    expect(trace.attempts).toEqual([
      { source: "a", outcome: "skipped", reason: "not set", lookedAt: { envVars: ["AWS_ACCESS_KEY_ID"] } },
      { source: "b", outcome: "failed", reason: "access key without secret", code: "PartialCredentials" },
      { source: "c", outcome: "skipped", reason: "not reached: b decided first" },
    ]);
    expect(trace.error?.code).toBe("PartialCredentials");
    expect(trace.credentials).toBeUndefined();
  });

  it("wraps a foreign error with a code, keeping it as the cause", async () => {
    const boom = new Error("socket hang up");
    const error = (await chain(link("custom", async () => Promise.reject(boom)))().catch((e: unknown) => e)) as CredchainError;
    expect(error.code).toBe("CredentialRetrieval");
    expect(error.message).toBe("custom: socket hang up");
    expect(error.cause).toBe(boom);
  });

  it("quotes a foreign error's message redacted and short", async () => {
    const key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0S3CRETKEY";
    const boom = new Error(`vault answered {"secret_key": "${key}"} ${"x".repeat(3000)}`);
    const error = (await chain(link("custom", async () => Promise.reject(boom)))().catch((e: unknown) => e)) as CredchainError;
    expect(error.message).toMatch(/^custom: vault answered \{"secret_key": \[redacted\]\} x+… \(2,\d{3} more characters\)$/);
  });

  it("names bare functions after themselves, or by position", async () => {
    async function fromVault(): Promise<never> {
      throw notFound("env", "vault sealed");
    }
    const trace = await chain(fromVault, async () => creds("env")).explain();
    expect(trace.attempts.map((a) => a.source)).toEqual(["fromVault", "provider #2"]);
    // Bound functions by their target's name: withRefresh's providers are bound, and nameless.
    const bound = await chain(fromVault.bind(null), withRefresh(fromVault), async () => creds("env")).explain();
    expect(bound.attempts.map((a) => a.source)).toEqual(["fromVault", "provider #2", "provider #3"]);
  });

  it("stops before the next provider when the signal is aborted", async () => {
    const controller = new AbortController();
    const p = chain(
      link("a", async () => {
        controller.abort();
        throw notFound("env", "not here");
      }),
      link("b", async () => creds("env")),
    );
    await expect(p({ signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});
