import { parseArgs } from "node:util";
import type { EmulatorHandle, RequestRecord } from "./emulator-server.js";
import { startContainer } from "./start-container.js";
import { startImds } from "./start-imds.js";
import { startLogin } from "./start-login.js";
import { startSso, SSO_DEFAULT_ROLE_NAME } from "./start-sso.js";
import { startSsoOidc } from "./start-sso-oidc.js";
import { startSts } from "./start-sts.js";

/** Where the command writes; injectable for tests. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Resolves when the command should stop. Default: the first SIGINT or SIGTERM. */
  stopped?: Promise<unknown>;
}

const USAGE = `Usage: credchain-emulator [--imds] [--container] [--sts] [--sso] [--login] [--port N] [--host H] [--token T]

Runs local AWS credential endpoints until SIGINT/SIGTERM and prints the environment to use.
  --imds          EC2 instance metadata (IMDSv2 and v1)
  --container     ECS / EKS container credentials endpoint (GET /creds)
  --sts           STS Query API (AssumeRole, GetSessionToken, AssumeRoleWithWebIdentity,
                  GetCallerIdentity); prints AWS_ENDPOINT_URL_STS
  --sso           IAM Identity Center: the portal (GetRoleCredentials, Logout) and
                  SSO-OIDC (sign-in by device authorization: open the URL shown to
                  approve; token refresh); prints AWS_ENDPOINT_URL_SSO and
                  AWS_ENDPOINT_URL_SSO_OIDC
  --login         the sign-in service behind \`aws login\` (token refresh);
                  prints AWS_ENDPOINT_URL_SIGNIN
                  (no flag: --imds and --container)
  --port N        port of the first endpoint (the next ones use N+1, N+2, …);
                  default: free ports
  --host H        address to listen on; default 127.0.0.1
  --token T       Authorization value the container endpoint requires;
                  default credchain-emulator-token ("" for none)
  -h, --help      print this usage
`;

/**
 * The `credchain-emulator` command: starts the endpoints, prints `NAME=value` lines on stdout,
 * logs requests on stderr, and closes everything on SIGINT or SIGTERM. Resolves to the exit code.
 */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  const out = io?.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = io?.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        imds: { type: "boolean" },
        container: { type: "boolean" },
        sts: { type: "boolean" },
        sso: { type: "boolean" },
        login: { type: "boolean" },
        port: { type: "string" },
        host: { type: "string" },
        token: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    err(`credchain-emulator: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65534) {
    err(`credchain-emulator: --port must be a port number, got "${values.port}"`);
    return 2;
  }
  const both = !values.imds && !values.container && !values.sts && !values.sso && !values.login;
  const host = values.host ?? "127.0.0.1";
  const token = values.token ?? "credchain-emulator-token";
  // Listen for signals before anything is printed: whoever reads the env may signal at once.
  const stopped =
    io?.stopped ??
    new Promise<string>((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    });
  const handles: EmulatorHandle[] = [];
  // One line per request, without header values (tokens stay off the terminal).
  const onRequest = (r: RequestRecord) => err(`${r.method} ${r.path}${r.query} ${r.status ?? r.fault ?? "-"}`);
  const env: Record<string, string> = {};
  try {
    if (values.imds || both) {
      const imds = await startImds({ host, port, onRequest });
      handles.push(imds);
      Object.assign(env, imds.env);
    }
    if (values.container || both) {
      const container = await startContainer({
        host,
        onRequest,
        port: port === 0 ? 0 : port + handles.length,
        ...(token !== "" && { authorizationToken: token }),
      });
      handles.push(container);
      Object.assign(env, container.env);
    }
    if (values.sts) {
      const sts = await startSts({ host, onRequest, port: port === 0 ? 0 : port + handles.length });
      handles.push(sts);
      Object.assign(env, sts.env);
      // The emulated user's keys are made up; they go to stderr so `export $(…)` does not pick them up.
      const user = sts.users[0]!;
      err(`credchain-emulator: STS accepts AWS_ACCESS_KEY_ID=${user.accessKeyId} AWS_SECRET_ACCESS_KEY=${user.secretAccessKey}`);
    }
    if (values.sso) {
      const sso = await startSso({ host, onRequest, port: port === 0 ? 0 : port + handles.length });
      handles.push(sso);
      const oidc = await startSsoOidc({ host, onRequest, port: port === 0 ? 0 : port + handles.length, portal: sso });
      handles.push(oidc);
      Object.assign(env, sso.env, oidc.env);
      err(
        "credchain-emulator: SSO signs in any sso_start_url (sso_region us-east-1 or any other); approve a sign-in by opening the URL it shows; " +
          `roles: account 123456789012, role ${SSO_DEFAULT_ROLE_NAME}`,
      );
    }
    if (values.login) {
      const login = await startLogin({ host, onRequest, port: port === 0 ? 0 : port + handles.length });
      handles.push(login);
      Object.assign(env, login.env);
    }
  } catch (error) {
    await Promise.all(handles.map((h) => h.close()));
    err(`credchain-emulator: cannot listen: ${(error as Error).message}`);
    return 1;
  }

  for (const [name, value] of Object.entries(env)) out(`${name}=${value}`);
  err("credchain-emulator: serving; Ctrl-C to stop");
  await stopped;
  await Promise.all(handles.map((h) => h.close()));
  err("credchain-emulator: stopped");
  return 0;
}
