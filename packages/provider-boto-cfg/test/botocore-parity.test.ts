import { execFile, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CredchainError, type CredentialProvider } from "@credchain/core";
import { fromBotoConfig } from "../src/from-boto-config.js";
import { fromEc2CredentialsFile } from "../src/from-ec2-credentials-file.js";
import { makeHome, type TestHome } from "./home.js";

// Runs botocore's OriginalEC2Provider and BotoProvider (its /etc/boto.cfg pointed into the temp
// home) and ours on the same files and env, and compares outcomes. `HOME` in env values is
// replaced by the scenario's home. The env is also the process's (raw_config_parse expands
// $VARS from os.environ, not from the provider's environ). Skipped where python3 with botocore is missing.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, os, sys
from botocore.credentials import BotoProvider, OriginalEC2Provider
env = json.loads(sys.argv[1])
boto = BotoProvider(environ=env)
boto.DEFAULT_CONFIG_FILENAMES = [sys.argv[2], "~/.boto"]
out = {}
for name, p in (("ec2", OriginalEC2Provider(environ=env)), ("boto", boto)):
    try:
        c = p.load()
        if c is None: out[name] = {"outcome": "none"}
        elif not isinstance(c.access_key, str) or not isinstance(c.secret_key, str): out[name] = {"outcome": "dict"}
        else: out[name] = {"outcome": "credentials", "accessKeyId": c.access_key, "secretAccessKey": c.secret_key}
    except Exception as e:
        out[name] = {"outcome": type(e).__name__}
print(json.dumps(out))
`;

/** Our codes in botocore's words. */
const BOTOCORE_NAME: Record<string, string[]> = {
  ConfigNotFound: ["ConfigNotFound"],
  ConfigParse: ["ConfigParseError", "UnicodeDecodeError"],
  PartialCredentials: ["PartialCredentialsError", "KeyError"],
  InvalidConfig: ["dict"],
};

interface Outcome {
  outcome: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

interface Scenario {
  name: string;
  files?: Record<string, string | Buffer>;
  env?: Record<string, string>;
}

const KEYS = "aws_access_key_id = AKIDBOTO\naws_secret_access_key = boto-secret\n";
const EC2 = "AWSAccessKeyId=AKIDEC2\nAWSSecretKey=ec2-secret\n";
const SCENARIOS: Scenario[] = [
  { name: "nothing" },
  { name: "ec2 file", files: { "ec2.creds": EC2 }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file via ~", files: { "ec2.creds": EC2 }, env: { AWS_CREDENTIAL_FILE: "~/ec2.creds" } },
  { name: "ec2 file via $VAR (not expanded)", files: { "ec2.creds": EC2 }, env: { AWS_CREDENTIAL_FILE: "$D/ec2.creds", D: "HOME" } },
  { name: "ec2 file missing", env: { AWS_CREDENTIAL_FILE: "HOME/nope" } },
  { name: "ec2 file empty path", env: { AWS_CREDENTIAL_FILE: "" } },
  { name: "ec2 file is a directory", env: { AWS_CREDENTIAL_FILE: "HOME" } },
  { name: "ec2 file without secret", files: { "ec2.creds": "AWSAccessKeyId=AKIDEC2\n" }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file without access key", files: { "ec2.creds": "AWSSecretKey=x\n" }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file with lower-case keys", files: { "ec2.creds": "awsaccesskeyid=a\nawssecretkey=b\n" }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file empty values", files: { "ec2.creds": "AWSAccessKeyId=\nAWSSecretKey=\n" }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  {
    name: "ec2 file odd lines, CRLF, comments, quotes, odd breaks",
    files: { "ec2.creds": '# a=b\r\n\r\nwords\r\nAWSAccessKeyId = "AKID" # c\vAWSSecretKey=\xa0s=e ; x\x1f\u2028\n' },
    env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" },
  },
  { name: "ec2 file with a duplicate key", files: { "ec2.creds": `AWSAccessKeyId=FIRST\n${EC2}` }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file with a BOM", files: { "ec2.creds": `\ufeff${EC2}` }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "ec2 file not UTF-8", files: { "ec2.creds": Buffer.from(`AWSAccessKeyId=A\xe9\nAWSSecretKey=b\n`, "latin1") }, env: { AWS_CREDENTIAL_FILE: "HOME/ec2.creds" } },
  { name: "~/.boto", files: { ".boto": `[Credentials]\n${KEYS}` } },
  { name: "system boto file first", files: { "etc/boto.cfg": "[Credentials]\naws_access_key_id = SYS\naws_secret_access_key = s\n", ".boto": `[Credentials]\n${KEYS}` } },
  { name: "system boto without access key", files: { "etc/boto.cfg": "[Credentials]\naws_secret_access_key = s\n", ".boto": `[Credentials]\n${KEYS}` } },
  { name: "system boto partial", files: { "etc/boto.cfg": "[Credentials]\naws_access_key_id = SYS\n", ".boto": `[Credentials]\n${KEYS}` } },
  { name: "system boto garbage", files: { "etc/boto.cfg": "garbage\n", ".boto": `[Credentials]\n${KEYS}` } },
  { name: "system boto is a directory", files: { "etc/boto.cfg/x": "", ".boto": `[Credentials]\n${KEYS}` } },
  { name: "BOTO_CONFIG", files: { "c.boto": `[Credentials]\n${KEYS}` }, env: { BOTO_CONFIG: "HOME/c.boto" } },
  { name: "BOTO_CONFIG with $VAR", files: { "c.boto": `[Credentials]\n${KEYS}` }, env: { BOTO_CONFIG: "$D/c.boto", D: "HOME" } },
  { name: "BOTO_CONFIG missing skips defaults", files: { ".boto": `[Credentials]\n${KEYS}` }, env: { BOTO_CONFIG: "HOME/nope" } },
  { name: "BOTO_CONFIG empty", files: { ".boto": `[Credentials]\n${KEYS}` }, env: { BOTO_CONFIG: "" } },
  { name: "[credentials] lower case", files: { ".boto": `[credentials]\n${KEYS}` } },
  { name: "upper-case keys", files: { ".boto": "[Credentials]\nAWS_ACCESS_KEY_ID = A\nAWS_SECRET_ACCESS_KEY : S\n" } },
  { name: "[DEFAULT] inherited", files: { ".boto": `[DEFAULT]\n${KEYS}[Credentials]\n` } },
  { name: "[DEFAULT] only", files: { ".boto": `[DEFAULT]\n${KEYS}` } },
  { name: "empty access key", files: { ".boto": "[Credentials]\naws_access_key_id =\naws_secret_access_key = S\n" } },
  { name: "inline comment kept", files: { ".boto": "[Credentials]\naws_access_key_id = A ; c\naws_secret_access_key = S # c\n" } },
  { name: "secret as a sub-section", files: { ".boto": "[Credentials]\naws_access_key_id = A\naws_secret_access_key =\n  x = y\n" } },
  { name: "duplicate section", files: { ".boto": `[Credentials]\n${KEYS}[Credentials]\n` } },
  { name: "duplicate key", files: { ".boto": `[Credentials]\n${KEYS}aws_access_key_id = B\n` } },
  { name: "boto BOM", files: { ".boto": `\ufeff[Credentials]\n${KEYS}` } },
  { name: "boto not UTF-8", files: { ".boto": Buffer.from(`[Credentials]\n${KEYS}x = \xe9\n`, "latin1") } },
];

let home: TestHome;
beforeAll(async () => {
  home = await makeHome();
});
afterAll(() => home?.remove());

function botocore(dir: string, env: Record<string, string>): Promise<Record<"ec2" | "boto", Outcome>> {
  return new Promise((resolve, reject) => {
    const args = ["-c", SCRIPT, JSON.stringify(env), `${dir}/etc/boto.cfg`];
    execFile("python3", args, { env: { PATH: process.env.PATH ?? "", HOME: dir, LC_ALL: "C.UTF-8", ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(JSON.parse(stdout) as Record<"ec2" | "boto", Outcome>);
    });
  });
}

async function ours(provider: CredentialProvider): Promise<Outcome> {
  try {
    const c = await provider();
    return { outcome: "credentials", accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  } catch (error) {
    if (!CredchainError.isInstance(error)) throw error;
    return { outcome: error.tryNextLink ? "none" : error.code };
  }
}

describe.skipIf(!hasBotocore)("botocore parity", () => {
  it.each(SCENARIOS.map((s, i) => [s.name, s, i] as const))("%s", async (_, scenario, i) => {
    const dir = `${home.dir}/s${i}`;
    await home.write({ [`s${i}/.keep`]: "", ...Object.fromEntries(Object.entries(scenario.files ?? {}).map(([p, c]) => [`s${i}/${p}`, c])) });
    const env = Object.fromEntries(Object.entries(scenario.env ?? {}).map(([k, v]) => [k, v.replace("HOME", dir)]));
    const expected = await botocore(dir, env);
    const init = { env: { ...env, HOME: dir }, homedir: dir };
    const actual = {
      ec2: await ours(fromEc2CredentialsFile(init)),
      boto: await ours(fromBotoConfig({ ...init, systemBotoConfigPath: `${dir}/etc/boto.cfg` })),
    };
    for (const name of ["ec2", "boto"] as const) {
      const got = actual[name];
      const want = expected[name];
      if (got.outcome in BOTOCORE_NAME) expect(BOTOCORE_NAME[got.outcome], `${name}: ours ${got.outcome}, botocore ${want.outcome}`).toContain(want.outcome);
      else expect(got, name).toEqual(want);
    }
  });
});
