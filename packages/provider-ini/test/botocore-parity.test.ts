import { execFile, spawnSync } from "node:child_process";
import { CredchainError, type Credentials } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { afterAll, describe, expect, it } from "vitest";
import { fromConfigFile } from "../src/from-config-file.js";
import { fromSharedCredentialsFile } from "../src/from-shared-credentials-file.js";
import { getScopedProfile } from "../src/get-scoped-profile.js";
import { loadSharedConfig, readConfigFile } from "../src/load-shared-config.js";
import { resolveRegion } from "../src/resolve-region.js";
import { makeHome, SECRET, TOKEN, type TestHome } from "./home.js";

// Each scenario is a HOME with files, an env and maybe an explicit profile, run through
// botocore (Session(profile=…), SharedCredentialProvider, ConfigProvider, load_config,
// get_scoped_config, get_config_variable("region")) and through ours. `HOME` in env values is
// replaced by the scenario's home directory. Skipped where python3 with botocore is missing.
interface Scenario {
  name: string;
  files?: Record<string, string | Buffer>;
  env?: Record<string, string>;
  profile?: string;
}

const KEYS = `aws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`;

const SCENARIOS: Scenario[] = [
  { name: "no files" },
  { name: "no files, explicit default profile", profile: "default" },
  { name: "no files, AWS_PROFILE=default", env: { AWS_PROFILE: "default" } },
  { name: "no files, AWS_PROFILE set to empty", env: { AWS_PROFILE: "" } },
  { name: "credentials [default] with token and account", files: { ".aws/credentials": `[default]\n${KEYS}aws_session_token = ${TOKEN}\naws_account_id = 123456789012\n` } },
  { name: "credentials: aws_security_token wins over aws_session_token", files: { ".aws/credentials": `[default]\n${KEYS}aws_session_token = other\naws_security_token = ${TOKEN}\n` } },
  { name: "credentials [dev], AWS_PROFILE=dev", files: { ".aws/credentials": `[dev]\n${KEYS}` }, env: { AWS_PROFILE: "dev" } },
  { name: "credentials [profile x] is not profile x", files: { ".aws/credentials": `[profile x]\n${KEYS}` }, profile: "x" },
  { name: "credentials [profile x] is profile 'profile x'", files: { ".aws/credentials": `[profile x]\n${KEYS}` }, profile: "profile x" },
  { name: "config [x] without prefix is not a profile", files: { ".aws/config": `[x]\n${KEYS}` }, profile: "x" },
  { name: "config [profile x]", files: { ".aws/config": `[profile x]\n${KEYS}region = eu-west-1\n` }, profile: "x" },
  { name: "config [default] then [profile default]: the later wins whole", files: { ".aws/config": `[default]\nregion = r1\naws_access_key_id = A1\naws_secret_access_key = S1\n[profile default]\n${KEYS}` } },
  { name: "config [profile default] then [default]: the later wins whole", files: { ".aws/config": `[profile default]\n${KEYS}region = r2\n[default]\naws_access_key_id = A1\naws_secret_access_key = S1\n` } },
  {
    name: "odd section names in config",
    files: {
      ".aws/config": `[profile   spaced  ]\nregion = a\n[profile "a b"]\nregion = b\n[profilefoo bar]\nregion = c\n[profile]\nregion = d\n[profile a b]\nregion = e\n[profile 'open]\nregion = f\n[ profile lead]\nregion = g\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://x.awsapps.com/start\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:9000\n[preview]\ncloudfront = true\n`,
    },
    profile: "spaced",
  },
  { name: "profile 'a b' by quoted section", files: { ".aws/config": `[profile "a b"]\nregion = b\n` }, profile: "a b" },
  { name: "credentials keys merged over config keys", files: { ".aws/config": `[default]\naws_access_key_id = CA\naws_secret_access_key = CS\nregion = cfg\n[profile only]\nregion = o\n`, ".aws/credentials": `[default]\naws_access_key_id = A\nregion = cred\n` } },
  { name: "profile only in credentials file exists", files: { ".aws/config": "[default]\nregion = r\n", ".aws/credentials": `[c]\n${KEYS}` }, env: { AWS_PROFILE: "c" } },
  { name: "access key without secret in credentials", files: { ".aws/credentials": "[default]\naws_access_key_id = AKIDEXAMPLE\n" } },
  { name: "access key without secret in config", files: { ".aws/config": "[default]\naws_access_key_id = AKIDEXAMPLE\n" } },
  { name: "secret without access key", files: { ".aws/credentials": `[default]\naws_secret_access_key = ${SECRET}\n`, ".aws/config": `[default]\n${KEYS}` } },
  { name: "empty key pair counts", files: { ".aws/credentials": "[default]\naws_access_key_id =\naws_secret_access_key =\n" } },
  { name: "[DEFAULT] keys inherited in credentials", files: { ".aws/credentials": `[DEFAULT]\naws_secret_access_key = ${SECRET}\n[dev]\naws_access_key_id = AKIDEXAMPLE\n` }, profile: "dev" },
  { name: "[DEFAULT] is not a profile", files: { ".aws/credentials": `[DEFAULT]\n${KEYS}` }, profile: "DEFAULT" },
  { name: "key case, comments, inline comment kept", files: { ".aws/credentials": `# top\n[default]\n; note\nAWS_Access_Key_ID = AKIDEXAMPLE # inline\nAws_Secret_Access_Key: ${SECRET}\n` } },
  { name: "CRLF and sub-sections", files: { ".aws/config": "[default]\r\nregion = eu-central-1\r\ns3 =\r\n  addressing_style = path\r\n  max_concurrent_requests = 10\r\n" } },
  { name: "whitespace everywhere", files: { ".aws/credentials": `  [default]  \n\taws_access_key_id\t=\tAKIDEXAMPLE\t\n   aws_secret_access_key   =   ${SECRET}   \n` } },
  { name: "BOM in the config file", files: { ".aws/config": "\ufeff[default]\nregion = x\n", ".aws/credentials": `[default]\n${KEYS}` } },
  { name: "duplicate section in credentials", files: { ".aws/credentials": `[default]\n${KEYS}[default]\nregion = x\n` } },
  { name: "duplicate key in config", files: { ".aws/config": `[default]\nregion = a\nREGION = b\n` } },
  { name: "malformed credentials file", files: { ".aws/credentials": `[default]\n${KEYS}${SECRET}\n` } },
  { name: "key before any section", files: { ".aws/config": `region = x\n[default]\n` } },
  { name: "not UTF-8", files: { ".aws/credentials": Buffer.from(`[default]\naws_access_key_id = caf\xe9\n`, "latin1") } },
  { name: "AWS_SHARED_CREDENTIALS_FILE with ~, AWS_CONFIG_FILE with $VAR", files: { "x/creds": `[default]\n${KEYS}`, "y/cfg": "[default]\nregion = from-var\n" }, env: { AWS_SHARED_CREDENTIALS_FILE: "~/x/creds", AWS_CONFIG_FILE: "$CFGDIR/cfg", CFGDIR: "HOME/y" } },
  { name: "AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE set to empty", files: { ".aws/config": `[default]\n${KEYS}`, ".aws/credentials": `[default]\n${KEYS}` }, env: { AWS_CONFIG_FILE: "", AWS_SHARED_CREDENTIALS_FILE: "" } },
  { name: "credentials path is a directory", files: { ".aws/credentials/file": "x" } },
  { name: "AWS_PROFILE names a missing profile", files: { ".aws/credentials": `[default]\n${KEYS}` }, env: { AWS_PROFILE: "missing" } },
  { name: "explicit missing profile", files: { ".aws/config": "[default]\nregion = r\n" }, profile: "missing" },
  { name: "AWS_DEFAULT_PROFILE wins over AWS_PROFILE", files: { ".aws/credentials": `[a]\n${KEYS}[b]\naws_access_key_id = B\naws_secret_access_key = BS\n` }, env: { AWS_DEFAULT_PROFILE: "b", AWS_PROFILE: "a" } },
  { name: "AWS_DEFAULT_PROFILE set to empty", files: { ".aws/credentials": `[a]\n${KEYS}` }, env: { AWS_DEFAULT_PROFILE: "", AWS_PROFILE: "a" } },
  { name: "AWS_DEFAULT_REGION over the profile", files: { ".aws/config": "[default]\nregion = cfg\n" }, env: { AWS_DEFAULT_REGION: "env-region" } },
  { name: "AWS_DEFAULT_REGION set to empty", files: { ".aws/config": "[default]\nregion = cfg\n" }, env: { AWS_DEFAULT_REGION: "" } },
  { name: "region from the credentials file", files: { ".aws/credentials": "[default]\nregion = cred\n" } },
];

const SCRIPT = `
import json, sys
import botocore.configloader as cl
import botocore.session
from botocore.credentials import ConfigProvider, SharedCredentialProvider
from botocore.exceptions import ConfigNotFound

profile = json.loads(sys.argv[1])
# A fresh session per question: a session caches a half-loaded config after a parse error.
S = lambda: botocore.session.Session(profile=profile)
s = S()

def run(f):
    try:
        return f()
    except Exception as e:
        return {"error": type(e).__name__}

def creds(p):
    c = p.load()
    return None if c is None else {"accessKeyId": c.access_key, "secretAccessKey": c.secret_key, "sessionToken": c.token, "accountId": c.account_id}

def loaded():
    try:
        c = cl.load_config(s.get_config_variable("config_file"))
    except ConfigNotFound:
        return {"profiles": {}, "sso_sessions": {}, "services": {}}
    return {k: c[k] for k in ("profiles", "sso_sessions", "services")}

name = s.get_config_variable("profile") or "default"
print(json.dumps({
    "profiles": run(lambda: S().full_config["profiles"]),
    "configFile": run(loaded),
    "shared": run(lambda: creds(SharedCredentialProvider(s.get_config_variable("credentials_file"), name))),
    "config": run(lambda: creds(ConfigProvider(s.get_config_variable("config_file"), name))),
    "scoped": run(lambda: "ok" if S().get_scoped_config() is not None else "none"),
    "region": run(lambda: S().get_config_variable("region")),
}))
`;

type Outcome = Record<string, unknown>;

const asError = (error: unknown) => {
  if (!CredchainError.isInstance(error)) throw error;
  return { error: error.code };
};
const botocoreError = (name: string) => ({ error: name.replace(/Error$/, "") });

async function ours(env: Record<string, string>, profile: string | undefined): Promise<Outcome> {
  const run = async (f: () => Promise<unknown>) => {
    try {
      return await f();
    } catch (error) {
      if (CredchainError.isInstance(error) && error.tryNextLink) return null;
      return asError(error);
    }
  };
  const creds = (c: Credentials) => ({
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken ?? null,
    accountId: c.accountId ?? null,
  });
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  return {
    profiles: await run(async () => plain((await loadSharedConfig({ env })).profiles)),
    configFile: await run(async () => {
      const file = await readConfigFile({ env });
      return plain({ profiles: file.profiles, sso_sessions: file.ssoSessions, services: file.services });
    }),
    shared: await run(async () => creds(await fromSharedCredentialsFile({ env, profile })())),
    config: await run(async () => creds(await fromConfigFile({ env, profile })())),
    scoped: await run(async () => {
      getScopedProfile(await loadSharedConfig({ env }), selectProfile({ profile, env }));
      return "ok";
    }),
    region: await run(async () => (await resolveRegion({ env, profile })) ?? null),
  };
}

function botocore(env: Record<string, string>, profile: string | undefined): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      "python3",
      ["-c", SCRIPT, JSON.stringify(profile ?? null)],
      { env: { PATH: process.env.PATH ?? "", AWS_EC2_METADATA_DISABLED: "true", ...env } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(stderr));
        const out = JSON.parse(stdout) as Outcome;
        // Deliberate difference: AWS_DEFAULT_REGION="" gives botocore the region "", credchain none.
        if (out.region === "") out.region = null;
        for (const [k, v] of Object.entries(out)) {
          if (v && typeof v === "object" && "error" in v && Object.keys(v).length === 1) out[k] = botocoreError(String(v.error));
        }
        resolve(out);
      },
    );
  });
}

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

describe.skipIf(!hasBotocore)("provider-ini against botocore", () => {
  const homes: TestHome[] = [];
  afterAll(async () => {
    await Promise.all(homes.map((h) => h.remove()));
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    const home = await makeHome();
    homes.push(home);
    await home.write(scenario.files ?? {});
    const env: Record<string, string> = { HOME: home.dir };
    for (const [k, v] of Object.entries(scenario.env ?? {})) env[k] = v.replace(/^HOME/, home.dir);
    const [theirs, mine] = await Promise.all([botocore(env, scenario.profile), ours(env, scenario.profile)]);
    expect(mine).toEqual(theirs);
  });
});
