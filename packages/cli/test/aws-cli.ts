import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

/** Whether the AWS CLI (v1, the `awscli` Python package) is installed: the reference for `configure`. */
export const HAS_AWS_CLI = spawnSync("python3", ["-c", "import awscli.clidriver"], { stdio: "ignore" }).status === 0;

export interface AwsRun {
  code: number;
  stdout: string;
  stderr: string;
}

// Each command gets a new driver (so a new botocore session reading the files afresh), all in one
// Python process: the AWS CLI takes most of a second to start.
const SCRIPT = `
import contextlib, io, json, sys
from awscli.clidriver import create_clidriver
out = []
for argv in json.loads(sys.stdin.read()):
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        try:
            code = create_clidriver().main(argv)
        except SystemExit as x:
            code = x.code
    out.append({"code": code, "stdout": o.getvalue(), "stderr": e.getvalue()})
print(json.dumps(out))
`;

/**
 * Runs `aws <argv>` for each command, in order, with exactly `env` (nothing from the host), and
 * returns what each printed. Asynchronous, so emulators in the test's process keep answering.
 *
 * @example
 * ```ts
 * const [get] = await awsCli([["configure", "get", "region"]], { HOME: dir });
 * ```
 */
export async function awsCli(commands: readonly (readonly string[])[], env: Record<string, string>): Promise<AwsRun[]> {
  const child = promisify(execFile)("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 60_000 });
  child.child.stdin?.end(JSON.stringify(commands));
  const { stdout } = await child;
  return JSON.parse(stdout) as AwsRun[];
}

/** botocore's view of the config files: `Session().full_config` (profiles, sso_sessions, services, plain sections) as JSON. */
export async function botocoreFullConfig(env: Record<string, string>): Promise<Record<string, unknown>> {
  const script = "import json, botocore.session\nprint(json.dumps(botocore.session.Session().full_config, sort_keys=True))";
  const { stdout } = await promisify(execFile)("python3", ["-c", script], { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}
