import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { CredchainError, type Logger } from "@credchain/core";
import { rejection as failure } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROCESS_MAX_OUTPUT_BYTES, DEFAULT_PROCESS_TIMEOUT_MS, fromProcess, type ProcessInit } from "../src/from-process.js";
import { scriptDir, type ScriptDir } from "./scripts.js";

const SECRET = "S3CRET-process-secret";
const OK = { Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: SECRET };
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

let s: ScriptDir;
beforeAll(async () => {
  s = await scriptDir();
});
afterAll(async () => {
  await s.remove();
});

function provider(command: string | undefined, init: ProcessInit = {}) {
  const lines: string[] = [];
  const logger: Logger = { debug: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) };
  const p = fromProcess({ command, profile: "dev", env: { PATH: process.env.PATH }, now: () => T0, logger, ...init });
  return { p, lines };
}

function expectNoSecret(error: CredchainError) {
  expect(error.message).not.toContain("S3CRET");
  expect(inspect(error, { depth: 10 })).not.toContain("S3CRET");
  expect(JSON.stringify(error)).not.toContain("S3CRET");
}

describe(fromProcess.name, () => {
  it("exports its defaults", () => {
    expect(DEFAULT_PROCESS_TIMEOUT_MS).toBe(60_000);
    expect(DEFAULT_PROCESS_MAX_OUTPUT_BYTES).toBe(1024 * 1024);
  });

  it("is notFound, naming the profile, when there is no command", async () => {
    const error = await failure(provider(undefined).p());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "custom-process", lookedAt: { profile: "dev" } });
    expect(error.message).toContain('profile "dev"');
  });

  it("runs the command and returns static credentials", async () => {
    const { p, lines } = provider(await s.printing("ok", OK));
    const creds = await p();
    expect(creds).toEqual({ accessKeyId: "AKIDPROCESS", secretAccessKey: SECRET, source: "custom-process" });
    expect(creds.sessionToken).toBeUndefined();
    expect(creds.expiration).toBeUndefined();
    expect(JSON.stringify(creds)).not.toContain("S3CRET");
    expect(lines.join("\n")).not.toContain("S3CRET");
  });

  it("returns the session token, expiration and account id", async () => {
    const cmd = await s.printing("full", { ...OK, SessionToken: "S3CRET-token", Expiration: "2099-01-01T00:00:00Z", AccountId: "123456789012" });
    const creds = await provider(cmd).p();
    expect(creds).toMatchObject({ sessionToken: "S3CRET-token", accountId: "123456789012" });
    expect(creds.expiration?.toISOString()).toBe("2099-01-01T00:00:00.000Z");
  });

  it("falls back to the profile's aws_account_id when the output has none or an empty one", async () => {
    expect((await provider(await s.printing("noacct", OK), { accountId: "111122223333" }).p()).accountId).toBe("111122223333");
    const empty = await s.printing("emptyacct", { ...OK, AccountId: "" });
    expect((await provider(empty, { accountId: "111122223333" }).p()).accountId).toBe("111122223333");
    expect((await provider(empty).p()).accountId).toBeUndefined();
  });

  it("runs the command on every call (refresh belongs to withRefresh)", async () => {
    const counter = join(s.dir, "count.txt");
    const cmd = await s.script(
      "counting",
      `const fs = require("fs"); let n = 0; try { n = +fs.readFileSync(${JSON.stringify(counter)}, "utf8"); } catch {}
       fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1));
       process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKID" + (n + 1), SecretAccessKey: "s" }));`,
    );
    const { p } = provider(cmd);
    expect((await p()).accessKeyId).toBe("AKID1");
    expect((await p()).accessKeyId).toBe("AKID2");
    expect(await readFile(counter, "utf8")).toBe("2");
  });

  it("gives the child exactly the injected env", async () => {
    const cmd = await s.script(
      "envkey",
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: process.env.MY_KEY, SecretAccessKey: String(process.env.HOME) }));`,
    );
    const creds = await provider(cmd, { env: { PATH: process.env.PATH, MY_KEY: "AKIDFROMENV", SKIPPED: undefined } }).p();
    expect(creds.accessKeyId).toBe("AKIDFROMENV");
    expect(creds.secretAccessKey).toBe("undefined"); // HOME was not passed on
  });

  it("splits a quoted path with spaces and quoted arguments, with no shell", async () => {
    const dir = join(s.dir, "with space");
    await (await import("node:fs/promises")).mkdir(dir, { recursive: true });
    const file = join(dir, "args.js");
    await (await import("node:fs/promises")).writeFile(
      file,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKID", SecretAccessKey: process.argv.slice(2).join("|") }));`,
    );
    const creds = await provider(`"${process.execPath}" "${file}" "arg one" 'arg two' $HOME '*'`).p();
    expect(creds.secretAccessKey).toBe("arg one|arg two|$HOME|*");
  });

  it("accepts CRLF and whitespace around the JSON", async () => {
    const cmd = await s.script("crlf", `process.stdout.write("\\r\\n  " + JSON.stringify(${JSON.stringify(OK)}) + "\\r\\n");`);
    expect((await provider(cmd).p()).accessKeyId).toBe("AKIDPROCESS");
  });

  it("warns, and still returns them, when the credentials have already expired", async () => {
    const { p, lines } = provider(await s.printing("expired", { ...OK, Expiration: "2000-01-01T00:00:00Z" }));
    expect((await p()).expiration?.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(lines.some((l) => l.startsWith("warn: custom-process:") && l.includes("expired"))).toBe(true);
  });

  describe("a broken command line: InvalidConfig", () => {
    it.each([
      ["an empty command", ""],
      ["a blank command", "   \t"],
      ["an unclosed quote", `node "/tmp/x.js`],
      ["a trailing backslash", "node x\\"],
    ])("%s", async (_, command) => {
      const error = await failure(provider(command).p());
      expect(error).toMatchObject({ code: "InvalidConfig", source: "custom-process", profile: "dev", key: "credential_process", tryNextLink: false });
    });
  });

  describe("a command that cannot start: CredentialRetrieval", () => {
    it("does not exist", async () => {
      const missing = join(s.dir, "does-not-exist");
      const error = await failure(provider(`${missing} --flag`).p());
      expect(error).toMatchObject({ code: "CredentialRetrieval", profile: "dev", tryNextLink: false });
      expect(error.message).toContain(missing);
      expect(error.message).toContain("not found");
    });

    it("is a bare name not on PATH", async () => {
      const error = await failure(provider("credchain-no-such-command-xyz", { env: { PATH: s.dir } }).p());
      expect(error.message).toMatch(/credchain-no-such-command-xyz.*not found/);
    });

    it("is a directory", async () => {
      const error = await failure(provider(s.dir).p());
      expect(error.code).toBe("CredentialRetrieval");
      expect(error.message).toContain("not executable");
    });
  });

  it("exits non-zero: CredentialRetrieval with its stderr on one line, cut to 512 characters", async () => {
    const cmd = await s.script("fail", `process.stderr.write("\\ntoken expired, run login\\nsecond line\\n"); process.exit(3);`);
    const error = await failure(provider(cmd).p());
    expect(error).toMatchObject({ code: "CredentialRetrieval", profile: "dev" });
    expect(error.message).toBe(
      'Error when retrieving credentials from custom-process: credential_process of profile "dev" exited with status 3: token expired, run login second line',
    );
    const long = await s.script("longfail", `process.stderr.write("x".repeat(5000)); process.exit(1);`);
    const longError = await failure(provider(long).p());
    expect(longError.message).toMatch(/: x{512}… \(4,488 more characters\)$/);
  });

  it("exits non-zero: quotes no secret the helper printed on stderr", async () => {
    const key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0S3CRETKEY";
    const token = "IQoJb3JpZ2luX2VjEHUaCXVzLWVhc3QtMSJHMEUCIQDS3CRET/////wEaDDEyMzQ1Njc4OTAxMiIM";
    const stderr = [
      "Traceback (most recent call last):",
      `botocore.exceptions.ClientError: {'SecretAccessKey': '${key}', 'SessionToken': '${token}'}`,
      `aws_secret_access_key = pw-S3CRET-ini`,
      `PASSWORD=pw-S3CRET-env`,
      `<SessionToken>xml-S3CRET</SessionToken>`,
      `Authorization: Bearer S3CRETbearer`,
      `id token eyJhbGciOiJIUzI1NiJ9.eyJTM0NSRVQiOjF9.S3CRETsignature`,
      `GET https://user:S3CRETpw@example.com/ failed`,
      `bare ${key} ${token}`,
    ].join("\n");
    const cmd = await s.script("secretfail", `process.stderr.write(${JSON.stringify(stderr)}); process.exit(1);`);
    const error = await failure(provider(cmd).p());
    expect(error.message).toContain("exited with status 1: Traceback (most recent call last): botocore.exceptions.ClientError:");
    expectNoSecret(error);
  });

  it("exits non-zero with a silent stderr", async () => {
    const cmd = await s.script("silentfail", `process.stdout.write(${JSON.stringify(JSON.stringify(OK))}); process.exit(1);`);
    const error = await failure(provider(cmd).p());
    expect(error.message).toMatch(/exited with status 1$/);
    expectNoSecret(error);
  });

  it("killed by a signal", async () => {
    const cmd = await s.script("selfkill", `process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 10000);`);
    const error = await failure(provider(cmd).p());
    expect(error.message).toMatch(/killed by SIGTERM/);
  });

  it("hangs: killed after timeoutMs, CredentialRetrieval", async () => {
    const pidFile = join(s.dir, "hang.pid");
    const cmd = await s.script("hang", `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
    const started = Date.now();
    const error = await failure(provider(cmd, { timeoutMs: 300 }).p());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ code: "CredentialRetrieval" });
    expect(error.message).toContain("credential_process did not exit within 300 ms");
    await expectDead(Number(await readFile(pidFile, "utf8")));
  });

  it("prints forever: killed once stdout passes maxOutputBytes, CredentialRetrieval", async () => {
    const pidFile = join(s.dir, "runaway.pid");
    const cmd = await s.script(
      "runaway",
      `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
       const chunk = "${"S3CRET".repeat(1000)}"; const go = () => { while (process.stdout.write(chunk)); process.stdout.once("drain", go); }; go();`,
    );
    const error = await failure(provider(cmd, { maxOutputBytes: 64 * 1024 }).p());
    expect(error).toMatchObject({ code: "CredentialRetrieval" });
    expect(error.message).toContain(`printed more than ${64 * 1024} bytes`);
    expectNoSecret(error);
    await expectDead(Number(await readFile(pidFile, "utf8")));
  });

  it("stops at once when the call is aborted", async () => {
    const cmd = await s.script("slow", `setTimeout(() => {}, 20000);`);
    const controller = new AbortController();
    const pending = failure(provider(cmd).p({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await pending;
    expect(error).toMatchObject({ code: "CredentialRetrieval" });
    expect(error.message).toContain("aborted");
  });

  describe("bad output: CredentialRetrieval, never quoting the output", () => {
    it.each<[string, string, RegExp]>([
      ["garbage", `process.stdout.write("hello, not json S3CRET")`, /not valid JSON/],
      ["truncated JSON", `process.stdout.write('{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S3CRET')`, /not valid JSON/],
      ["nothing", `// prints nothing`, /printed nothing/],
      ["a JSON array", `console.log('["S3CRET"]')`, /not an object \(an array\)/],
      ["JSON null", `console.log("null")`, /not an object \(null\)/],
      ["a BOM before the JSON", `process.stdout.write("\\ufeff" + JSON.stringify({ Version: 1, AccessKeyId: "A", SecretAccessKey: "S3CRET" }))`, /not valid JSON/],
      ["bytes that are not UTF-8", `process.stdout.write(Buffer.from([0xff, 0x7b]))`, /not UTF-8/],
      ["Version 2", `console.log(JSON.stringify({ Version: 2, AccessKeyId: "A", SecretAccessKey: "S3CRET" }))`, /Unsupported version '2'/],
      ["Version \"1\"", `console.log(JSON.stringify({ Version: "1", AccessKeyId: "A", SecretAccessKey: "S3CRET" }))`, /Unsupported version '1'/],
      ["no Version", `console.log(JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S3CRET" }))`, /Unsupported version '<Version key not provided>'/],
      ["no AccessKeyId", `console.log(JSON.stringify({ Version: 1, SecretAccessKey: "S3CRET" }))`, /Missing required key in response: 'AccessKeyId'/],
      ["no SecretAccessKey", `console.log(JSON.stringify({ Version: 1, AccessKeyId: "A" }))`, /Missing required key in response: 'SecretAccessKey'/],
      ["a garbage Expiration", `console.log(JSON.stringify({ Version: 1, AccessKeyId: "A", SecretAccessKey: "S3CRET", Expiration: "tomorrow-ish" }))`, /Expiration .* not an ISO 8601 time with a time zone/],
    ])("%s", async (name, source, reason) => {
      const cmd = await s.script(`bad-${name.replace(/\W+/g, "-")}`, source);
      const error = await failure(provider(cmd).p());
      expect(error).toMatchObject({ code: "CredentialRetrieval", source: "custom-process", profile: "dev", tryNextLink: false });
      expect(error.message).toMatch(reason);
      expect(error.message).toContain('profile "dev"');
      expectNoSecret(error);
    });
  });

  it("works without a profile name", async () => {
    const creds = await fromProcess({ command: await s.printing("noprofile", OK), env: { PATH: process.env.PATH } })();
    expect(creds.accessKeyId).toBe("AKIDPROCESS");
    const error = await failure(fromProcess({ command: "" })());
    expect(error.message).toBe("credential_process is empty");
  });
});

/** The child was SIGKILLed: give the kernel a moment, then check the pid is gone. */
async function expectDead(pid: number) {
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`process ${pid} is still alive`);
}
