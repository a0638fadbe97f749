import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { startSts } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { home } from "./run.js";

// botocore (and so the AWS CLI and boto3) using `credchain export` as its credential_process.
const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));
const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import boto3, json
s = boto3.Session(profile_name="via-credchain")
c = s.get_credentials()
f = c.get_frozen_credentials()
ident = s.client("sts").get_caller_identity()
print(json.dumps({"key": f.access_key, "method": c.method, "arn": ident["Arn"]}))
`;

describe.skipIf(!hasBoto3)("botocore with credential_process = credchain export", () => {
  it("gets credchain's credentials, assumed role included, and calls STS with them", async () => {
    const sts = await startSts();
    try {
      const env = await home(
        {
          ".aws/config": [
            "[profile user]",
            "aws_access_key_id = AKIAEMULATORUSER0001",
            "aws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx",
            "[profile dev]",
            "role_arn = arn:aws:iam::123456789012:role/dev",
            "source_profile = user",
            "[profile via-credchain]",
            `credential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} export --format process --profile dev`,
            "",
          ].join("\n"),
        },
        { ...sts.env, AWS_DEFAULT_REGION: "us-east-1", PATH: process.env.PATH ?? "" },
      );
      // Async: the STS emulator lives in this process and must keep answering meanwhile.
      const py = await promisify(execFile)("python3", ["-c", SCRIPT], { env, encoding: "utf8", timeout: 30_000 });
      expect(py.stderr).toBe("");
      const out = JSON.parse(py.stdout) as { key: string; method: string; arn: string };
      expect(out.method).toBe("custom-process");
      expect(out.key).toBe(sts.issued[0]?.accessKeyId);
      expect(out.arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/dev\//);
    } finally {
      await sts.close();
    }
  });
});
