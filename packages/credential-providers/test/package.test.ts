// What the package promises as a package: the SDK's exports, typed so SDK clients take them,
// documented, and built on credchain alone (the AWS SDK is a dev dependency of these tests only).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { STSClient } from "@aws-sdk/client-sts";
import * as sdk from "@aws-sdk/credential-providers";
import { describe, expect, it } from "vitest";
import * as credchain from "../src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const functions = (mod: object) => Object.keys(mod).filter((k) => typeof (mod as Record<string, unknown>)[k] === "function").sort();

describe("@credchain/credential-providers", () => {
  it("exports every function of @aws-sdk/credential-providers, and no other", () => {
    expect(functions(credchain)).toEqual(functions(sdk));
  });

  it("each provider is an SDK v3 client's `credentials` (checked by tsc) and a chain link of the SDK's own chains", () => {
    const providers = [
      credchain.fromEnv(),
      credchain.fromIni(),
      credchain.fromProcess(),
      credchain.fromSSO(),
      credchain.fromTokenFile(),
      credchain.fromWebToken({ roleArn: "arn:aws:iam::123456789012:role/r", webIdentityToken: "token" }),
      credchain.fromContainerMetadata(),
      credchain.fromInstanceMetadata(),
      credchain.fromHttp(),
      credchain.fromTemporaryCredentials({ params: { RoleArn: "arn:aws:iam::123456789012:role/r" } }),
      credchain.fromNodeProviderChain(),
      credchain.fromLoginCredentials(),
      credchain.fromCognitoIdentity({ identityId: "us-east-1:x" }),
      credchain.fromCognitoIdentityPool({ identityPoolId: "us-east-1:x" }),
      credchain.createCredentialChain(credchain.fromEnv(), credchain.fromIni()).expireAfter(600_000),
      credchain.propertyProviderChain(credchain.fromEnv(), credchain.fromIni()),
    ];
    for (const credentials of providers) new STSClient({ region: "us-east-1", credentials }).destroy();
    // And the other way round: the SDK's providers in credchain's chains.
    new STSClient({ region: "us-east-1", credentials: credchain.createCredentialChain(sdk.fromEnv(), credchain.fromIni()) }).destroy();
    expect(providers).toHaveLength(functions(sdk).length);
  });

  it("runs on credchain's packages alone: no AWS SDK package in its dependencies or anything it ships", async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).every((d) => d.startsWith("@credchain/"))).toBe(true);
    expect(Object.keys(manifest.devDependencies)).toEqual(expect.arrayContaining(["@aws-sdk/credential-providers", "@aws-sdk/client-sts"]));
    for (const file of await readdir(join(ROOT, "dist"))) {
      // Imports and requires only: the TSDoc examples show SDK clients taking these providers.
      const text = (await readFile(join(ROOT, "dist", file), "utf8")).replace(/\/\*\*[\s\S]*?\*\//g, "");
      expect(text, file).not.toMatch(/(from |import\(|require\()["'](@aws-sdk|@smithy)\//);
    }
  });

  it("every exported function has TSDoc with an @example", async () => {
    const index = await readFile(join(ROOT, "src/index.ts"), "utf8");
    const files = [...index.matchAll(/from "\.\/([\w-]+)\.js"/g)].map((m) => m[1]!);
    let checked = 0;
    for (const file of new Set(files)) {
      const text = await readFile(join(ROOT, "src", `${file}.ts`), "utf8");
      for (const [, name] of text.matchAll(/^export (?:async )?function (\w+)/gm)) {
        if (!functions(credchain).includes(name!)) continue;
        const before = text.slice(0, text.indexOf(`export function ${name}`));
        const doc = before.slice(before.lastIndexOf("/**"));
        expect(doc, name).toMatch(/^\/\*\*[\s\S]*@example[\s\S]*\*\/\s*$/);
        checked++;
      }
    }
    expect(checked).toBe(functions(credchain).length);
  });
});
