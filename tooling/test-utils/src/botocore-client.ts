import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether `python3` with botocore is on this machine (tests that compare with it skip otherwise). */
export const HAS_BOTOCORE = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

/** One client botocore builds: the service, its env, config file text and (optional) region given in code. */
export interface BotocoreClientCase {
  service: "sts" | "sso" | "sso-oidc" | "signin" | "cognito-identity";
  env: Record<string, string>;
  config?: string;
  region?: string;
}

/** Where botocore's first request of that client went, or the exception class it raised. */
export interface BotocoreClientCall {
  url?: string;
  /** The region in the SigV4 scope (signed services only). */
  signingRegion?: string;
  /** `total_max_attempts` botocore's retry handler uses. */
  maxAttempts?: number;
  error?: string;
}

const SCRIPT = `
import json, os, sys, botocore.session
from botocore import UNSIGNED
from botocore.config import Config
out = []
for c in json.loads(sys.stdin.read()):
    for k in [k for k in os.environ if k.startswith("AWS_")]: del os.environ[k]
    with open(c["file"], "w") as f: f.write(c.get("config") or "")
    os.environ.update(c["env"]); os.environ["AWS_CONFIG_FILE"] = c["file"]; os.environ["AWS_SHARED_CREDENTIALS_FILE"] = c["file"] + ".none"
    svc = c["service"]
    try:
        kw = {"region_name": c["region"]} if c.get("region") else {}
        if svc == "sts": cl = botocore.session.Session().create_client(svc, aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x", **kw)
        else: cl = botocore.session.Session().create_client(svc, config=Config(signature_version=UNSIGNED), **kw)
        seen = {}
        def stop(request, **k):
            seen["url"] = request.url
            auth = request.headers.get("Authorization")
            if auth: seen["signingRegion"] = auth.decode().split("Credential=")[1].split(",")[0].split("/")[2]
            raise KeyboardInterrupt()
        cl.meta.events.register("before-send", stop)
        try:
            if svc == "sts": cl.get_caller_identity()
            elif svc == "sso": cl.get_role_credentials(roleName="r", accountId="123456789012", accessToken="t")
            elif svc == "sso-oidc": cl.create_token(clientId="a", clientSecret="b", grantType="refresh_token", refreshToken="x")
            elif svc == "cognito-identity": cl.get_id(IdentityPoolId="us-east-1:00000000-0000-4000-8000-000000000000")
            else: cl.create_o_auth2_token(tokenInput={"clientId": "a", "grantType": "refresh_token", "refreshToken": "x"})
        except KeyboardInterrupt: pass
        seen["maxAttempts"] = cl.meta.config.retries.get("total_max_attempts")
        out.append(seen)
    except Exception as e:
        out.append({"error": type(e).__name__})
print(json.dumps(out))
`;

/**
 * Builds each client with botocore (a fresh Session over the case's env and config file, nothing
 * else of this machine's AWS setup) and stops its first request before it is sent: the URL it
 * would call, the region it signs for, its attempts. Nothing leaves the machine.
 *
 * @example
 * ```ts
 * const [call] = await botocoreClientCalls([{ service: "sts", env: { AWS_DEFAULT_REGION: "eu-west-1" } }]);
 * call.url; // "https://sts.eu-west-1.amazonaws.com/"
 * ```
 */
export async function botocoreClientCalls(cases: readonly BotocoreClientCase[]): Promise<BotocoreClientCall[]> {
  const dir = await mkdtemp(join(tmpdir(), "credchain-botocore-client-"));
  try {
    const file = join(dir, "config");
    await writeFile(file, "");
    return await new Promise((resolve, reject) => {
      const child = execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir }, timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr || String(error))) : resolve(JSON.parse(stdout) as BotocoreClientCall[]),
      );
      child.stdin!.end(JSON.stringify(cases.map((c) => ({ ...c, file }))));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
