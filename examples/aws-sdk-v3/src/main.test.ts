import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { main, MOTO_MISSING, type Summary } from "./index.js";

const SECRETS = /SecretAccessKey\/|SessionToken\/|AKIAEMULATORUSER0001|ASIASTSEMULATOR\d/;
const hasMoto = (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, "moto_server")));
if (!hasMoto) console.warn(`aws-sdk-v3 example: ${MOTO_MISSING}`);

describe("aws-sdk-v3 example", () => {
  let summary: Summary;
  const lines: string[] = [];
  beforeAll(async () => {
    summary = await main({ log: (l) => lines.push(l) });
  }, 60_000);

  it("STSClient with defaultChain() as credentials: GetCallerIdentity as the user and through a role profile", () => {
    expect(summary.sts.user).toEqual({ arn: "arn:aws:iam::123456789012:user/credchain-emulator", source: "shared-credentials-file", accessKeyId: "****************0001" });
    expect(summary.sts.role).toMatchObject({ arn: "arn:aws:sts::123456789012:assumed-role/deploy/credchain-example", source: "assume-role" });
    // The chain's AssumeRole came before the SDK's call with the role's credentials.
    expect(summary.sts.actions).toEqual(["GetCallerIdentity", "AssumeRole", "GetCallerIdentity"]);
    expect(lines.join("\n")).not.toMatch(SECRETS);
  });

  it.skipIf(!hasMoto)("S3Client with defaultChain() as credentials: CreateBucket, PutObject, GetObject, ListObjectsV2 against moto", () => {
    expect(summary.s3).toEqual({
      bucket: "credchain-example",
      key: "greetings/hello.txt",
      body: "hello from credchain",
      listed: ["greetings/hello.txt"],
      source: "shared-credentials-file",
    });
  });

  it("without moto_server, the S3 part is skipped with a clear message", async () => {
    const out: string[] = [];
    const result = await main({ log: (l) => out.push(l), motoCommand: join(fileURLToPath(new URL(".", import.meta.url)), "no-such-moto_server") });
    expect(result.s3).toEqual({ skipped: MOTO_MISSING });
    expect(out.join("\n")).toContain(MOTO_MISSING);
  }, 30_000);

  it("pnpm start: exits 0 and ignores the caller's AWS_* variables and HOME", () => {
    const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const env = { PATH: process.env.PATH ?? "", HOME: "/nonexistent-home", AWS_ACCESS_KEY_ID: "AKIALEAKEDFROMSHELL1", AWS_SECRET_ACCESS_KEY: "leaked", AWS_PROFILE: "leaked" };
    const run = spawnSync(process.execPath, [entry], { encoding: "utf8", env, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("arn:aws:sts::123456789012:assumed-role/deploy/credchain-example");
    expect(run.stdout).toContain(hasMoto ? 'GetObject → "hello from credchain"' : MOTO_MISSING);
    expect(run.stdout).not.toMatch(SECRETS);
    expect(run.stdout).not.toContain("LEAKED");
  }, 60_000);
});
