import { inspect } from "node:util";
import { createCredentials, CredchainError, notFound } from "@credchain/core";
import { rejection } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { createCredentialChain, propertyProviderChain } from "../src/create-credential-chain.js";
import { withCredentialScope } from "../src/sdk-credentials.js";

const creds = (id: string) => createCredentials({ accessKeyId: id, secretAccessKey: "very-secret", source: "explicit" });
const notHere = async () => {
  throw notFound("env", "nothing");
};
// The SDK's CredentialsProviderError: any error with tryNextLink.
const sdkNotHere = async () => {
  throw Object.assign(new Error("Could not load"), { tryNextLink: true });
};

describe(propertyProviderChain.name, () => {
  it("the first provider that answers wins; credchain's and the SDK's 'not here' both move on", async () => {
    const seen: unknown[] = [];
    const props = { callerClientConfig: { region: "eu-west-1" } };
    const chain = propertyProviderChain(notHere, sdkNotHere, async (p) => (seen.push(p), creds("AKID3")), async () => creds("AKID4"));
    expect((await chain(props)).accessKeyId).toBe("AKID3");
    expect(seen).toEqual([props]);
  });

  it("any other error stops the chain; all 'not here' throws the last one; no providers is InvalidConfig", async () => {
    const hard = new CredchainError({ code: "InvalidConfig", message: "broken" });
    await expect(propertyProviderChain(async () => Promise.reject(hard), async () => creds("A"))()).rejects.toBe(hard);
    await expect(propertyProviderChain(notHere, sdkNotHere)()).rejects.toThrow("Could not load");
    expect(await rejection(propertyProviderChain()())).toMatchObject({ code: "InvalidConfig" });
  });

  it("walks again on every call: nothing is cached", async () => {
    let n = 0;
    const chain = propertyProviderChain(async () => creds(`AKID${++n}`));
    await chain();
    expect((await chain()).accessKeyId).toBe("AKID2");
  });
});

describe(createCredentialChain.name, () => {
  it("expireAfter gives credentials without an expiration one; a copy that keeps every field and stays redacted", async () => {
    const scoped = Object.assign(withCredentialScope(creds("AKID"), "eu-west-1"), { identityId: "us-east-1:x" });
    const chain = createCredentialChain(async () => scoped).expireAfter(600_000);
    const before = Date.now();
    const c = await chain();
    expect(c.expiration!.getTime()).toBeGreaterThanOrEqual(before + 600_000);
    expect(c).toMatchObject({ accessKeyId: "AKID", credentialScope: "eu-west-1", identityId: "us-east-1:x", source: "explicit" });
    expect(inspect(c)).not.toContain("very-secret");
    expect(scoped.expiration).toBeUndefined();
    // Credentials that expire keep their own expiration.
    const expiring = createCredentials({ accessKeyId: "A", secretAccessKey: "s", expiration: new Date(0), source: "env" });
    expect((await createCredentialChain(async () => expiring).expireAfter(600_000)()).expiration).toEqual(new Date(0));
    // Plain objects (an SDK provider's) are copied too.
    expect((await createCredentialChain(async () => ({ accessKeyId: "A", secretAccessKey: "s" }) as { accessKeyId: string; secretAccessKey: string; expiration?: Date }).expireAfter(600_000)()).expiration).toBeInstanceOf(Date);
  });

  it("expireAfter under five minutes is InvalidConfig; without it nothing changes", async () => {
    expect(() => createCredentialChain(async () => creds("A")).expireAfter(299_999)).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
    expect(() => createCredentialChain(async () => creds("A")).expireAfter(Number.NaN)).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
    expect((await createCredentialChain(async () => creds("A"))()).expiration).toBeUndefined();
  });
});
