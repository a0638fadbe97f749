import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { startContainer, startImds, startSso, startSts, type EmulatorHandle } from "@credchain/emulator";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Each provider used on its own, as a program would (no chain, no logger passed), in a process
// of its own with CREDCHAIN_DEBUG set: its debug lines go to stderr. The providers resolve from
// this package's dependencies, built (turbo builds them before this package's tests).
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const LOGIN_SESSION = "arn:aws:iam::111122223333:user/debug";
const KEYS = { accessKeyId: "AKIDDEBUGEXAMPLE0001", secretAccessKey: "debugSecretExample/0001" };

let home: TempHome;
const servers: EmulatorHandle[] = [];
let env: Record<string, string>;
beforeAll(async () => {
  home = await makeTempHome("credchain-debug-");
  const imds = await startImds();
  const container = await startContainer();
  const sts = await startSts();
  const sso = await startSso();
  servers.push(imds, container, sts, sso);
  const user = sts.users[0]!;
  await home.write({
    ".aws/credentials": `[default]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    ".aws/config": `[default]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    "boto.cfg": `[Credentials]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    "ec2-credentials": `AWSAccessKeyId=${KEYS.accessKeyId}\nAWSSecretKey=${KEYS.secretAccessKey}\n`,
    "web-identity-token": "credchain-emulator-web-identity-token",
    [`.aws/login/cache/${createHash("sha256").update(LOGIN_SESSION).digest("hex")}.json`]: JSON.stringify({
      accessToken: { ...KEYS, sessionToken: "debugSessionToken", accountId: "111122223333", expiresAt: "2099-01-01T00:00:00Z" },
      tokenType: "aws_sigv4",
      clientId: "arn:aws:signin:::devtools/same-device",
      refreshToken: "debug-refresh-token",
      idToken: "debug-id-token",
      dpopKey: "not needed before the refresh window",
    }),
    [`.aws/sso/cache/${createHash("sha1").update("corp").digest("hex")}.json`]: JSON.stringify({ startUrl: "https://corp.awsapps.com/start", region: "us-east-1", accessToken: "emulator-sso-access-token", expiresAt: "2099-01-01T00:00:00Z" }),
  });
  env = {
    HOME: home.dir,
    PATH: process.env.PATH ?? "",
    CREDCHAIN_DEBUG: "1",
    AWS_DEFAULT_REGION: "us-east-1",
    BOTO_CONFIG: `${home.dir}/boto.cfg`,
    AWS_CREDENTIAL_FILE: `${home.dir}/ec2-credentials`,
    ...imds.env,
    ...container.env,
    ...sts.env,
    ...sso.env,
    USER_KEY: user.accessKeyId,
    USER_SECRET: user.secretAccessKey,
  };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await home.remove();
});

/** Runs `code` (an ES module body with top-level await) here and returns its stderr; it must exit 0. */
function runAlone(code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--input-type=module", "-e", code], { cwd: PACKAGE_DIR, env, encoding: "utf8", timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stderr);
    });
  });
}

const call = (pkg: string, name: string, init: string) => `import { ${name} } from "${pkg}";\nawait ${name}(${init})();`;

describe("CREDCHAIN_DEBUG with a provider used on its own", () => {
  it.each([
    [
      "fromEnv",
      call("@credchain/provider-env", "fromEnv", `{ env: { ...process.env, AWS_ACCESS_KEY_ID: "${KEYS.accessKeyId}", AWS_SECRET_ACCESS_KEY: "${KEYS.secretAccessKey}" } }`),
      /^\[credchain\] env: found credentials$/m,
    ],
    ["fromSharedCredentialsFile", call("@credchain/provider-ini", "fromSharedCredentialsFile", ""), /^\[credchain\] shared-credentials-file: credentials from profile "default" in .*credentials$/m],
    ["fromConfigFile", call("@credchain/provider-ini", "fromConfigFile", ""), /^\[credchain\] config-file: credentials from profile "default" in .*config$/m],
    ["fromBotoConfig", call("@credchain/provider-boto-cfg", "fromBotoConfig", ""), /^\[credchain\] boto-config: found credentials in .*boto\.cfg$/m],
    ["fromEc2CredentialsFile", call("@credchain/provider-boto-cfg", "fromEc2CredentialsFile", ""), /^\[credchain\] ec2-credentials-file: found credentials in .*ec2-credentials/m],
    ["fromProcess", call("@credchain/provider-process", "fromProcess", `{ command: ${JSON.stringify(`echo '{"Version":1,"AccessKeyId":"${KEYS.accessKeyId}","SecretAccessKey":"x"}'`)} }`), /^\[credchain\] custom-process: running /m],
    ["fromContainerMetadata", call("@credchain/provider-container", "fromContainerMetadata", ""), /^\[credchain\] container-role: credentials from http:\/\/127\.0\.0\.1:\d+/m],
    ["fromInstanceMetadata", call("@credchain/provider-imds", "fromInstanceMetadata", ""), /^\[credchain\] iam-role: /m],
    [
      "fromAssumeRole",
      call("@credchain/provider-sts", "fromAssumeRole", `{ roleArn: "arn:aws:iam::123456789012:role/dev", sourceCredentials: async () => ({ accessKeyId: process.env.USER_KEY, secretAccessKey: process.env.USER_SECRET, source: "explicit" }) }`),
      /^\[credchain\] sts: AssumeRole at http:\/\/127\.0\.0\.1:\d+/m,
    ],
    ["fromWebIdentity", call("@credchain/provider-sts", "fromWebIdentity", `{ roleArn: "arn:aws:iam::123456789012:role/web", webIdentityTokenFile: process.env.HOME + "/web-identity-token" }`), /^\[credchain\] sts: AssumeRoleWithWebIdentity at /m],
    [
      "fromSso",
      call("@credchain/provider-sso", "fromSso", `{ profile: "dev", ssoSession: "corp", ssoStartUrl: "https://corp.awsapps.com/start", ssoRegion: "us-east-1", ssoAccountId: "123456789012", ssoRoleName: "credchain-emulator-role" }`),
      /^\[credchain\] sso: credentials for credchain-emulator-role in 123456789012/m,
    ],
    ["fromLogin", call("@credchain/provider-sso/login", "fromLogin", `{ profile: "dev", loginSession: "${LOGIN_SESSION}" }`), /^\[credchain\] login: credentials from .*\.aws\/login\/cache\/[0-9a-f]{64}\.json$/m],
    [
      "withRefresh",
      `import { withRefresh } from "@credchain/refresh-manager";\nawait withRefresh(async () => ({ accessKeyId: "AKID", secretAccessKey: "s", source: "explicit", expiration: new Date(Date.now() + 3600e3) }))();`,
      /^\[credchain\] refreshed credentials from explicit/m,
    ],
  ])("%s writes its debug lines to stderr", async (_name, code, line) => {
    const stderr = await runAlone(code);
    expect(stderr).toMatch(line);
    // Never a secret.
    expect(stderr).not.toContain(KEYS.secretAccessKey);
  });

  it("writes nothing without CREDCHAIN_DEBUG", async () => {
    const quiet = { ...env, CREDCHAIN_DEBUG: "" };
    const stderr = await new Promise<string>((resolve) =>
      execFile(process.execPath, ["--input-type=module", "-e", call("@credchain/provider-ini", "fromSharedCredentialsFile", "")], { cwd: PACKAGE_DIR, env: quiet, encoding: "utf8" }, (_e, _o, err) => resolve(err)),
    );
    expect(stderr).toBe("");
  });

  it("fromEnv writes to a logger it is given, not to stderr", async () => {
    const stderr = await runAlone(`import { fromEnv } from "@credchain/provider-env";\nawait fromEnv({ env: { AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "s" }, logger: { debug: (m) => console.error("given:", m), warn() {} } })();`);
    expect(stderr).toBe("given: env: found credentials\n");
  });

  it("takes the AWS SDK's logger shape (debug, info, warn, error): STS retries go to info", async () => {
    const stderr = await runAlone(
      [
        `import { fromAssumeRole } from "@credchain/provider-sts";`,
        `const logger = { debug: (m) => console.error("debug", m), info: (m) => console.error("info", m), warn: (m) => console.error("warn", m), error: (m) => console.error("error", m) };`,
        // Nothing listens on port 9: a connection error, retried.
        `await fromAssumeRole({ logger, maxAttempts: 2, endpointUrl: "http://127.0.0.1:9", roleArn: "arn:aws:iam::123456789012:role/dev", sourceCredentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "s", source: "explicit" }) })().catch(() => {});`,
      ].join("\n"),
    );
    expect(stderr).toMatch(/^info sts: AssumeRole attempt 1\/2 failed \(.*\); retrying in \d+ ms$/m);
  });
});
