import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CredchainError, shouldTryNext, type Credentials } from "@credchain/core";
import { fromBotoConfig } from "../src/from-boto-config.js";
import { fromEc2CredentialsFile } from "../src/from-ec2-credentials-file.js";
import { makeHome, type TestHome } from "./home.js";

// The conformance scenarios (botocore's recorded answers) that only these two providers decide,
// run through them in chain order: ec2-credentials-file, then boto-config. 124 needs the config
// file provider and is left to the conformance suite.
const SCENARIOS_DIR = fileURLToPath(new URL("../../../tooling/conformance/scenarios/", import.meta.url));
const IDS = ["120", "121", "122", "123", "125", "130", "131", "132", "133", "134", "135", "136", "137", "145", "156", "157", "158"];
// Python built-ins botocore raised here, as tooling/conformance/src/error-codes.ts maps them.
const BUILTIN: Record<string, string> = { KeyError: "PartialCredentials" };

interface Expected {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  Source?: string;
  Error?: { Code: string; Class: string | null; Module?: string };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

const names = (await readdir(SCENARIOS_DIR)).filter((n) => IDS.includes(n.slice(0, 3))).sort();

let home: TestHome;
beforeAll(async () => {
  home = await makeHome();
});
afterAll(() => home?.remove());

describe("conformance scenarios", () => {
  it("finds every scenario listed", () => {
    expect(names.map((n) => n.slice(0, 3))).toEqual(IDS);
  });

  it.each(names)("%s", async (name) => {
    const scenarioDir = join(SCENARIOS_DIR, name);
    const dir = join(home.dir, name);
    const files: Record<string, Buffer> = {};
    for (const file of await listFiles(join(scenarioDir, "home"))) {
      const content = await readFile(file);
      files[join(name, relative(join(scenarioDir, "home"), file))] = content.includes("{{HOME}}") ? Buffer.from(content.toString("utf8").replaceAll("{{HOME}}", dir)) : content;
    }
    await home.write(files);
    const scenario = JSON.parse(await readFile(join(scenarioDir, "scenario.json"), "utf8")) as { env: Record<string, string> };
    const expected = JSON.parse(await readFile(join(scenarioDir, "expected.json"), "utf8")) as Expected;
    const env = { HOME: dir, ...Object.fromEntries(Object.entries(scenario.env).map(([k, v]) => [k, v.replaceAll("{{HOME}}", dir)])) };
    const init = { env, homedir: dir, systemBotoConfigPath: join(dir, "no-etc", "boto.cfg") };

    let outcome: Credentials | CredchainError | undefined;
    for (const provider of [fromEc2CredentialsFile(init), fromBotoConfig(init)]) {
      try {
        outcome = await provider();
        break;
      } catch (error) {
        if (!CredchainError.isInstance(error)) throw error;
        outcome = error;
        if (!shouldTryNext(error)) break;
      }
    }
    if (expected.Error) {
      const { Code, Class, Module } = expected.Error;
      const code = Class && !Module?.startsWith("botocore") ? BUILTIN[Class] : Code;
      expect(CredchainError.isInstance(outcome) && outcome.code).toBe(code);
    } else {
      expect(outcome).toMatchObject({ accessKeyId: expected.AccessKeyId, secretAccessKey: expected.SecretAccessKey, source: expected.Source });
    }
  });
});
