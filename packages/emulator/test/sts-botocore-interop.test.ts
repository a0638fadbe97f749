import { execFile, spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { startSts, type StsEmulator } from "../src/start-sts.js";
import { stsIssuedKeys } from "../src/sts-identities.js";

// botocore signs with its own SigV4: the emulator's aws4 verifier must accept it as the real STS would.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, botocore.session
s = botocore.session.get_session()
c = s.create_client("sts")
out = {"me": c.get_caller_identity()["Arn"]}
r = c.assume_role(RoleArn="arn:aws:iam::111122223333:role/dev", RoleSessionName="boto-session", ExternalId="ext",
                  SerialNumber="arn:aws:iam::123456789012:mfa/u", TokenCode="123456",
                  Tags=[{"Key": "team", "Value": "a b&c"}], Policy='{"Version": "2012-10-17"}', DurationSeconds=900)
cr = r["Credentials"]
out["key"] = cr["AccessKeyId"]
out["expiration"] = cr["Expiration"].isoformat()
chained = s.create_client("sts", aws_access_key_id=cr["AccessKeyId"], aws_secret_access_key=cr["SecretAccessKey"],
                          aws_session_token=cr["SessionToken"])
out["chained"] = chained.get_caller_identity()["Arn"]
bad = s.create_client("sts", aws_access_key_id="AKIAEMULATORUSER0001", aws_secret_access_key="wrong")
try:
    bad.get_caller_identity()
except Exception as e:
    out["bad"] = e.response["Error"]["Code"]
print(json.dumps(out))
`;

let sts: StsEmulator | undefined;
afterEach(async () => {
  await sts?.close();
  sts = undefined;
});

function botocore(env: Record<string, string>): Promise<Record<string, string>> {
  const scrubbed = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", ...env };
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT], { env: scrubbed, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 failed: ${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, string>);
    });
  });
}

describe.skipIf(!hasBotocore)("botocore against the STS emulator", () => {
  it("get_caller_identity, assume_role (MFA, tags, policy) and role chaining via AWS_ENDPOINT_URL_STS", async () => {
    sts = await startSts({ roles: [{ arn: "arn:aws:iam::111122223333:role/dev", requireMfa: true, externalId: "ext" }] });
    const user = sts.users[0]!;
    const out = await botocore({
      ...sts.env,
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: user.accessKeyId,
      AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
    });
    expect(out).toEqual({
      me: "arn:aws:iam::123456789012:user/credchain-emulator",
      key: stsIssuedKeys(1).accessKeyId,
      expiration: expect.stringMatching(/\+00:00$/),
      chained: "arn:aws:sts::111122223333:assumed-role/dev/boto-session",
      bad: "SignatureDoesNotMatch",
    });
    expect(sts.calls.map((c) => [c.action, c.status])).toEqual([
      ["GetCallerIdentity", 200],
      ["AssumeRole", 200],
      ["GetCallerIdentity", 200],
      ["GetCallerIdentity", 403],
    ]);
    expect(sts.calls[1]!.params).toMatchObject({ "Tags.member.1.Value": "a b&c", TokenCode: "[redacted]" });
  }, 40_000);
});
