import { join } from "node:path";
import { startContainer, startImds } from "@credchain/emulator";
import { leftBehind } from "@credchain/test-utils";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { faultHome, findSecrets, PLANTED, runCli, type CliRun, type FaultHome } from "../src/index.js";

// Issue #13, section 4: helpers that leave a daemon behind, credentials with control
// characters, and timestamps without a zone, through the real CLI.

const homes: FaultHome[] = [];
/** Processes a helper left behind, killed after each case. */
const left = leftBehind();
afterEach(() => left.killAll());
afterAll(() => Promise.all(homes.map((h) => h.remove())));

async function home(files: Record<string, string> = {}): Promise<FaultHome> {
  const h = await faultHome();
  homes.push(h);
  await h.write(files);
  return h;
}

const KEYS = { AccessKeyId: "AKIDHELPER", SecretAccessKey: PLANTED.secretAccessKey };

/** A profile whose credential_process is `node <home>/bin/helper.js`, printing `doc`. */
async function helperHome(doc: unknown): Promise<FaultHome> {
  const h = await home({ "bin/helper.js": `process.stdout.write(${JSON.stringify(JSON.stringify(doc))});` });
  await h.write({ ".aws/config": `[default]\ncredential_process = "${process.execPath}" "${join(h.dir, "bin", "helper.js")}"\n` });
  return h;
}

/** `export --format json` and its JSON answer. */
async function exportJson(env: Record<string, string>): Promise<{ run: CliRun; out: Record<string, any> }> {
  const run = await runCli(["export", "--format", "json"], { env, timeoutMs: 30_000 });
  expect(run.timedOut).toBe(false);
  expect(findSecrets(run.stdout + run.stderr)).toEqual([]);
  return { run, out: JSON.parse(run.stdout) as Record<string, any> };
}

describe("credential_process helpers", () => {
  it("a helper that leaves a daemon holding stdout open answers at its exit, well inside the timeout", async () => {
    const h = await home();
    const pidFile = left.pidFile(join(h.dir, "daemon.pid"));
    const doc = JSON.stringify({ Version: 1, AccessKeyId: "AKIDDAEMON", SecretAccessKey: "daemon-secret" });
    await h.write({
      "bin/helper.sh": `sleep 60 &\necho $! > '${pidFile}'\nprintf '%s\\n' '${doc}'\n`,
      ".aws/config": `[default]\ncredential_process = /bin/sh ${join(h.dir, "bin", "helper.sh")}\n`,
    });
    const { run, out } = await exportJson(h.env());
    // Today's main waits for the daemon's stdout to close: 60 s, the helper timeout.
    expect(run.ms).toBeLessThan(10_000);
    expect(run.code).toBe(0);
    expect(out).toMatchObject({ AccessKeyId: "AKIDDAEMON", Source: "custom-process" });
  });

  it("a helper emitting a SessionToken with CR LF is refused, naming the source and the field", async () => {
    const h = await helperHome({ Version: 1, ...KEYS, SessionToken: `${PLANTED.sessionToken}\r\nX-Amz-Injected: 1` });
    const { run, out } = await exportJson(h.env());
    expect(run.code).toBe(1);
    expect(out.Error.Code).toBe("CredentialRetrieval");
    expect(out.Error.Message).toBe(
      'custom-process: SessionToken in the process output (credential_process of profile "default") contains a control character (such as CR or LF)',
    );
    expect(run.stdout + run.stderr).not.toContain("X-Amz-Injected");
  });

  it("a helper's Expiration without a zone is refused, naming Expiration", async () => {
    const h = await helperHome({ Version: 1, ...KEYS, Expiration: "2099-01-01T00:00:00" });
    const { out } = await exportJson(h.env());
    expect(out.Error.Code).toBe("CredentialRetrieval");
    expect(out.Error.Message).toContain("Expiration in the process output is not an ISO 8601 time with a time zone");
  });
});

describe("AWS_CREDENTIAL_EXPIRATION", () => {
  it.each([
    ["without a zone (today read in the machine's local time)", "2099-01-01T00:00:00"],
    ['"1" (today read as the year 2001)', "1"],
  ])("%s is refused, naming the variable", async (_, value) => {
    const h = await home();
    const env = h.env({ AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: PLANTED.secretAccessKey, AWS_CREDENTIAL_EXPIRATION: value });
    const { run, out } = await exportJson(env);
    expect(run.code).toBe(1);
    expect(out.Error).toMatchObject({ Code: "InvalidConfig" });
    expect(out.Error.Message).toBe(`AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time with a time zone (such as 2099-01-01T00:00:00Z): ${JSON.stringify(value)}`);
  });

  it("with a zone is read as the same instant whatever TZ the process runs in", async () => {
    const h = await home();
    for (const TZ of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      const env = h.env({ TZ, AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "s", AWS_CREDENTIAL_EXPIRATION: "2099-06-01T12:00:00+02:00" });
      const { out } = await exportJson(env);
      expect(Date.parse(out.Expiration)).toBe(Date.UTC(2099, 5, 1, 10));
    }
  });
});

describe("control characters in credentials, per source", () => {
  it.each([
    ["AWS_SESSION_TOKEN", `${PLANTED.sessionToken}\r\n`],
    ["AWS_SECRET_ACCESS_KEY", `${PLANTED.secretAccessKey}\n`],
    ["AWS_ACCESS_KEY_ID", "AKIDENV\u001b[0m"], // a NUL cannot reach an environment at all
  ])("env: %s is refused, naming it", async (name, value) => {
    const h = await home();
    const env = h.env({ AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: PLANTED.secretAccessKey, [name]: value });
    const { out } = await exportJson(env);
    expect(out.Error).toEqual({ Code: "CredentialRetrieval", Message: `env: ${name} contains a control character (such as CR or LF)` });
  });

  it("credentials file: a control character in aws_session_token is refused, naming key, profile and file", async () => {
    const h = await home();
    const file = join(h.dir, ".aws", "credentials");
    await h.write({ ".aws/credentials": `[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = ${PLANTED.secretAccessKey}\naws_session_token = ${PLANTED.sessionToken}\u001b[2K\n` });
    const { out } = await exportJson(h.env());
    expect(out.Error.Code).toBe("CredentialRetrieval");
    expect(out.Error.Message).toBe(
      `shared-credentials-file: aws_session_token in profile "default" of the credentials file ${file} contains a control character (such as CR or LF)`,
    );
  });

  it("container endpoint: a Token with CR LF in the response is refused, naming Token and the URL", async () => {
    const container = await startContainer({ authorizationToken: "Bearer faults" });
    try {
      container.setCredentials({ secretAccessKey: PLANTED.secretAccessKey, sessionToken: `${PLANTED.sessionToken}\r\nX-Amz-Injected: 1` });
      const h = await home();
      const { out } = await exportJson(h.env(container.env));
      expect(out.Error.Code).toBe("CredentialRetrieval");
      expect(out.Error.Message).toBe(
        `container-role: Token in the response from ${container.fullUri} contains a control character (such as CR or LF)`,
      );
    } finally {
      await container.close();
    }
  });

  it("IMDS: an AccessKeyId with LF in the answer is refused, naming AccessKeyId and the path", async () => {
    const imds = await startImds({});
    try {
      imds.setCredentials({ accessKeyId: "ASIAIMDS\n", secretAccessKey: PLANTED.secretAccessKey });
      const h = await home();
      const { out } = await exportJson(h.env({ ...imds.env, AWS_EC2_METADATA_DISABLED: "false" }));
      expect(out.Error.Code).toBe("CredentialRetrieval");
      expect(out.Error.Message).toMatch(
        /^iam-role: AccessKeyId in the answer from \/latest\/meta-data\/iam\/security-credentials-extended\/\S+ contains a control character \(such as CR or LF\)/,
      );
    } finally {
      await imds.close();
    }
  });
});
