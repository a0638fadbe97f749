import { execFile, spawnSync } from "node:child_process";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultHome, runCli, type FaultHome } from "../src/index.js";

// Issue #14, section 1: a profile becomes a plan, walked in loops. Issue #13 found that a
// 20,000-profile source_profile chain overflowed the stack and that loop detection was quadratic.
// Each case runs the real CLI on such files: it must end quickly with a clear error (never a
// RangeError or a stack trace), and say the same as botocore where botocore has an answer.

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const ROLE = "arn:aws:iam::123456789012:role/r";
const N = 20_000;
const QUICK_MS = 5000;
const SECRET = "emulatorUserSecretAccessKey/0001/xxxxxxxx";
const chain = (n: number, loop: boolean) =>
  Array.from({ length: n }, (_, i) => `[profile p${i}]\nrole_arn = ${ROLE}\nsource_profile = p${loop ? (i + 1) % n : i + 1}\n`).join("") +
  (loop ? "" : `[profile p${n}]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = ${SECRET}\n`);

const BOTOCORE = `
import json, sys, botocore.session
try:
    c = botocore.session.Session(profile="p0").get_credentials()
    print(json.dumps({"method": c.method if c else None}))
except RecursionError:
    print(json.dumps({"raised": "RecursionError"}))
except Exception as e:
    print(json.dumps({"raised": type(e).__name__}))
`;
function botocore(env: Record<string, string>): Promise<{ method?: string | null; raised?: string }> {
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", BOTOCORE], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout)),
    );
  });
}

let home: FaultHome;
let sts: StsEmulator;
beforeAll(async () => {
  home = await faultHome();
  sts = await startSts();
});
afterAll(async () => {
  await sts.close();
  await home.remove();
});
/** STS on loopback: no case may reach AWS, even one that fails before calling it. */
const env = () => home.env({ ...sts.env, AWS_DEFAULT_REGION: "us-east-1" });

describe("a 20,000-profile source_profile chain through the CLI", () => {
  it("a chain longer than credchain follows is InvalidConfig at once, before any STS call (botocore: RecursionError)", async () => {
    await home.write({ ".aws/config": chain(N, false) });
    const before = sts.calls.length;
    const r = await runCli(["export", "--profile", "p0", "--format", "json"], { env: env() });
    expect(sts.calls.length).toBe(before);
    expect(r.timedOut).toBe(false);
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.code).toBe(1);
    const { Error: e } = JSON.parse(r.stdout) as { Error: { Code: string; Message: string } };
    expect(e.Code).toBe("InvalidConfig");
    expect(e.Message).toMatch(new RegExp(`is ${N} roles long; credchain follows at most \\d+ `));
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    if (hasBotocore) expect(await botocore(env())).toEqual({ raised: "RecursionError" });
  }, 90_000);

  it("a loop through 20,000 profiles is InfiniteLoopConfig, its message bounded; explain shows the plan on one bounded line", async () => {
    await home.write({ ".aws/config": chain(N, true) });
    const r = await runCli(["export", "--profile", "p0", "--format", "json"], { env: env() });
    expect(r.ms).toBeLessThan(QUICK_MS);
    const { Error: e } = JSON.parse(r.stdout) as { Error: { Code: string; Message: string } };
    expect(e.Code).toBe("InfiniteLoopConfig");
    expect(e.Message.length).toBeLessThan(400);
    const explained = await runCli(["explain", "--profile", "p0"], { env: env() });
    expect(explained.ms).toBeLessThan(QUICK_MS);
    const plan = explained.stdout.split("\n").find((l) => l.startsWith("plan:"));
    expect(plan).toMatch(/^plan: {4}assume-role p0 → .* … 19,99\d more … → .* invalid p19999 \[InfiniteLoopConfig\]$/);
    expect(plan!.length).toBeLessThan(400);
    expect(explained.stdout).toMatch(/assume-role\s+FAILED\s+Infinite loop in credential configuration detected/);
  }, 90_000);
});

describe("explain names the plan and never a secret", () => {
  it("shows the plan in text and in JSON, and no secret from the files or STS", async () => {
    await home.write({ ".aws/config": chain(3, false) });
    const before = sts.calls.length;
    const text = await runCli(["explain", "--profile", "p0"], { env: env() });
    expect(text.stdout).toContain("plan:    assume-role p0 → assume-role p1 → assume-role p2 → static p3 (config file)");
    expect(text.stdout).toMatch(/assume-role\s+used/);
    expect(sts.calls.length - before).toBe(3);
    const json = await runCli(["explain", "--profile", "p0", "--format", "json"], { env: env() });
    const body = JSON.parse(json.stdout) as { Plan: { Text: string; Steps: { Kind: string }[] } };
    expect(body.Plan.Steps.map((s) => s.Kind)).toEqual(["assume-role", "assume-role", "assume-role", "static"]);
    const issued = sts.issued.map((c) => c.secretAccessKey);
    for (const out of [text.stdout, json.stdout, text.stderr, json.stderr]) for (const secret of [SECRET, ...issued]) expect(out).not.toContain(secret);
  }, 30_000);
});
