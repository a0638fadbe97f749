import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { faultHome, findSecrets, PLANTED, runCli, type CliRun, type FaultHome } from "../src/index.js";

// Text credchain did not write — a helper's stderr and stdout, a container endpoint's error body,
// an INI file — reaches the user only redacted and bounded, through the real CLI.

/** Every shape of secret the redaction knows, as a helper or a server might print them. */
const LEAKY = [
  `botocore.exceptions.ClientError: signing as ASIAIOSFODNN7EXAMPLE: {"SecretAccessKey": "${PLANTED.secretAccessKey}", "SessionToken": "${PLANTED.sessionToken}"}`,
  `{'aws_secret_access_key': '${PLANTED.secretAccessKey}', 'password': '${PLANTED.password}'}`,
  `aws_session_token = ${PLANTED.sessionToken}`,
  `export AWS_SECRET_ACCESS_KEY="${PLANTED.secretAccessKey}"`,
  `PASSWORD=${PLANTED.password}`,
  `<AssumeRoleResponse><Credentials><SessionToken>${PLANTED.sessionToken}</SessionToken><SecretAccessKey>${PLANTED.secretAccessKey}</SecretAccessKey></Credentials></AssumeRoleResponse>`,
  `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261204/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"ab12".repeat(16)}`,
  `retrying with ${PLANTED.bearer}`,
  `id token ${PLANTED.jwt} rejected`,
  `GET https://admin:${PLANTED.password}@vault.example.com/v1/aws failed`,
  `bare ${PLANTED.secretAccessKey} ${PLANTED.sessionToken}`,
].join("\n");

/** What every run must show: no planted secret, a bounded message, no hang. */
function expectQuotedSafely(r: CliRun, maxMessage = 1024): { Code: string; Message: string } {
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(1);
  expect(findSecrets(r.stdout + r.stderr), r.stdout).toEqual([]);
  const error = (JSON.parse(r.stdout) as { Error: { Code: string; Message: string } }).Error;
  expect(error.Message.length).toBeLessThan(maxMessage);
  expect(r.stderr.length).toBeLessThan(maxMessage + 100);
  return error;
}

describe("quoted text through the CLI", () => {
  const homes: FaultHome[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(homes.map((h) => h.remove()));
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const home = async () => {
    const h = await faultHome();
    homes.push(h);
    return h;
  };

  /** A home whose profile `leak` runs a node script as its credential_process. */
  async function helperHome(source: string) {
    const h = await home();
    const script = join(h.dir, "helper.js");
    await h.write({ "helper.js": source, ".aws/config": `[profile leak]\ncredential_process = "${process.execPath}" "${script}"\n` });
    return h;
  }

  it("credential_process exits 1 after printing secrets on stderr: quoted, redacted, bounded", async () => {
    const h = await helperHome(`process.stderr.write(${JSON.stringify(`${LEAKY}\n${"padding ".repeat(500)}`)}); process.exit(1);`);
    const r = await runCli(["export", "--profile", "leak", "--format", "json"], { env: h.env() });
    const error = expectQuotedSafely(r);
    expect(error.Code).toBe("CredentialRetrieval");
    expect(error.Message).toContain('exited with status 1: botocore.exceptions.ClientError: signing as ****************MPLE: {"SecretAccessKey": [redacted]');
    expect(error.Message).toMatch(/… \(\d[\d,]* more characters\)$/);
  });

  it.each([
    ["junk", `Please sign in first.\n${LEAKY}`],
    ["truncated JSON", `{"Version": 1, "AccessKeyId": "ASIAIOSFODNN7EXAMPLE", "SecretAccessKey": "${PLANTED.secretAccessKey}", "SessionToken": "${PLANTED.sessionToken.slice(0, 30)}`],
  ])("credential_process prints %s with secrets on stdout: never quoted", async (_what, stdout) => {
    const h = await helperHome(`process.stdout.write(${JSON.stringify(stdout)});`);
    const r = await runCli(["export", "--profile", "leak", "--format", "json"], { env: h.env() });
    const error = expectQuotedSafely(r);
    expect(error.Message).toMatch(/the process output is not valid JSON/);
  });

  it.each([500, 404])("a container endpoint answering %i with secrets in its body: quoted, redacted, bounded", async (status) => {
    const server = createServer((req, res) => {
      // Echoes the authorization token it was sent, as a careless endpoint would.
      res.writeHead(status, { "content-type": "application/json" });
      res.end(`${JSON.stringify({ message: `denied for ${req.headers.authorization}` })}\n${LEAKY}\n${"padding ".repeat(500)}`);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const h = await home();
    const r = await runCli(["export", "--format", "json"], {
      env: h.env({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: PLANTED.bearer }),
    });
    const error = expectQuotedSafely(r);
    expect(error.Code).toBe("CredentialRetrieval");
    expect(error.Message).toContain(`received non 200 response ${status} ("{\\"message\\":\\"denied for [redacted]`);
    expect(error.Message).toContain("(3 attempts)");
  });

  it("a config file of 100,000 bad lines holding secrets: a short ConfigParse message", async () => {
    const h = await home();
    const line = (i: number) => (i % 3 === 0 ? PLANTED.secretAccessKey : i % 3 === 1 ? PLANTED.sessionToken : `password ${PLANTED.password}`);
    await h.write({ ".aws/config": `[default]\n${Array.from({ length: 100_000 }, (_, i) => line(i)).join("\n")}\n` });
    const r = await runCli(["export", "--format", "json"], { env: h.env() });
    const error = expectQuotedSafely(r, 400);
    expect(error.Code).toBe("ConfigParse");
    expect(error.Message).toMatch(/: lines 2, 3, 4, .* and 99,9\d\d more: expected "key = value"/);
    const explained = await runCli(["explain", "--format", "json"], { env: h.env() });
    expect(explained.timedOut).toBe(false);
    expect(findSecrets(explained.stdout + explained.stderr)).toEqual([]);
    expect(explained.stdout.length + explained.stderr.length).toBeLessThan(8 * 1024);
  });

  it("a duplicate key that is a pasted session token: named [redacted]", async () => {
    const h = await home();
    await h.write({ ".aws/config": `[default]\n${PLANTED.sessionToken}==\nregion = eu-west-1\n${PLANTED.sessionToken}==\n` });
    const r = await runCli(["export", "--format", "json"], { env: h.env() });
    const error = expectQuotedSafely(r, 400);
    expect(error.Message).toMatch(/line 4: key "\[redacted\]" appears twice in section \[default\] \(first on line 2\)/);
  });
});
