import { execFile, spawnSync } from "node:child_process";

import { afterEach, describe, expect, it } from "vitest";
import { DEVICE_CODE_GRANT } from "../src/sso-device-flow.js";
import { startSso } from "../src/start-sso.js";
import { startSsoOidc, type SsoOidcEmulator } from "../src/start-sso-oidc.js";

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const running: Array<{ close(): Promise<void> }> = [];
afterEach(() => Promise.all(running.splice(0).map((r) => r.close())));

async function post(oidc: SsoOidcEmulator, path: string, body: unknown): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const r = await fetch(`${oidc.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, type: r.headers.get("x-amzn-errortype"), body: (await r.json()) as Record<string, unknown> };
}

async function begin(options: Parameters<typeof startSsoOidc>[0] = {}) {
  let clock = 1_800_000_000_000;
  const sso = await startSso();
  const oidc = await startSsoOidc({ portal: sso, now: () => clock, ...options });
  running.push(oidc, sso);
  const reg = await post(oidc, "/client/register", { clientName: "botocore-client-corp", clientType: "public", scopes: ["sso:account:access"] });
  const client = { clientId: reg.body.clientId as string, clientSecret: reg.body.clientSecret as string };
  const auth = await post(oidc, "/device_authorization", { ...client, startUrl: "https://corp.awsapps.com/start" });
  const poll = () => post(oidc, "/token", { ...client, grantType: DEVICE_CODE_GRANT, deviceCode: auth.body.deviceCode });
  return { sso, oidc, reg, client, auth, poll, tick: (ms: number) => void (clock += ms) };
}

describe("SSO-OIDC device authorization", () => {
  it("registers a client, starts an authorization, answers pending until approved, then issues a token once", async () => {
    const { sso, oidc, reg, auth, poll } = await begin();
    expect(reg.body).toMatchObject({ clientId: "emulator-registered-client-0001", clientIdIssuedAt: 1_800_000_000, clientSecretExpiresAt: 1_800_000_000 + 90 * 86400 });
    expect(auth.body).toEqual({
      deviceCode: "emulator-device-code-0001",
      userCode: "EMUL-0001",
      verificationUri: `${oidc.url}/device`,
      verificationUriComplete: `${oidc.url}/device?user_code=EMUL-0001`,
      expiresIn: 600,
      interval: 1,
    });
    expect(await poll()).toMatchObject({ status: 400, type: "AuthorizationPendingException:", body: { error: "authorization_pending" } });
    expect(oidc.approve()?.userCode).toBe("EMUL-0001");
    const token = await poll();
    expect(token.body).toMatchObject({ accessToken: "emulator-sso-access-token-00000001", tokenType: "Bearer", expiresIn: 3600, refreshToken: "emulator-refresh-token-00000001" });
    // The token works at the portal, and the device code never issues another.
    const creds = await fetch(`${sso.url}/federation/credentials?role_name=credchain-emulator-role&account_id=123456789012`, {
      headers: { "x-amz-sso_bearer_token": token.body.accessToken as string },
    });
    expect(creds.status).toBe(200);
    expect(await poll()).toMatchObject({ status: 400, type: "InvalidGrantException:" });
    expect(oidc.deviceAuthorizations[0]).toMatchObject({ state: "used", polls: 2 });
    expect(oidc.registeredClients).toEqual([expect.objectContaining({ clientName: "botocore-client-corp", scopes: ["sso:account:access"] })]);
    expect(JSON.stringify(oidc.registeredClients)).not.toContain("secret");
  });

  it("answers AccessDeniedException once denied, and ExpiredTokenException once expired", async () => {
    const denied = await begin();
    denied.oidc.deny("EMUL-0001");
    expect(await denied.poll()).toMatchObject({ status: 400, type: "AccessDeniedException:", body: { error: "access_denied" } });
    const late = await begin({ deviceAuthorizationLifetimeSeconds: 60 });
    late.tick(60_000);
    expect(await late.poll()).toMatchObject({ status: 400, type: "ExpiredTokenException:", body: { error: "expired_token" } });
    const expired = await begin();
    expired.oidc.expire();
    expect(await expired.poll()).toMatchObject({ type: "ExpiredTokenException:" });
    // An approval after the fact changes nothing.
    expect(expired.oidc.approve("EMUL-0001")?.state).toBe("pending");
  });

  it("approves from the verification page, as a person opening the URL would", async () => {
    const { oidc, auth, poll } = await begin();
    const page = await fetch(auth.body.verificationUriComplete as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Approved EMUL-0001");
    expect((await poll()).status).toBe(200);
    expect((await fetch(`${oidc.url}/device?user_code=EMUL-9999`)).status).toBe(404);
  });

  it("refuses unknown clients, wrong secrets, a bad client type and bodies without the fields", async () => {
    const { oidc, client } = await begin({ autoApprove: true, pollIntervalSeconds: null });
    expect(await post(oidc, "/device_authorization", { ...client, clientSecret: "wrong", startUrl: "x" })).toMatchObject({ status: 401, type: "InvalidClientException:" });
    expect(await post(oidc, "/client/register", { clientName: "x", clientType: "confidential" })).toMatchObject({ status: 400, type: "InvalidClientMetadataException:" });
    expect(await post(oidc, "/client/register", { clientName: "x" })).toMatchObject({ status: 400, type: "InvalidRequestException:" });
    const auth = await post(oidc, "/device_authorization", { ...client, startUrl: "x" });
    expect(auth.body.interval).toBeUndefined();
    // autoApprove: the first poll gets the token.
    expect((await post(oidc, "/token", { ...client, grantType: DEVICE_CODE_GRANT, deviceCode: auth.body.deviceCode })).status).toBe(200);
  });

  it("signs the token out at the portal's Logout", async () => {
    const { sso, oidc, poll } = await begin({ autoApprove: true });
    const { accessToken } = (await poll()).body as { accessToken: string };
    const logout = (token: string) => fetch(`${sso.url}/logout`, { method: "POST", headers: { "x-amz-sso_bearer_token": token } });
    expect((await logout(accessToken)).status).toBe(200);
    expect((await logout(accessToken)).status).toBe(401);
    expect(sso.requests.every((r) => r.headers["x-amz-sso_bearer_token"] === "[redacted]")).toBe(true);
    expect(oidc.issuedAccessTokens).toEqual([accessToken]);
  });
});

const BOTOCORE_DEVICE_FLOW = `
import json, os, sys, botocore.session
from botocore import UNSIGNED
from botocore.config import Config
c = botocore.session.Session().create_client("sso-oidc", region_name="us-east-1", endpoint_url=os.environ["OIDC"], config=Config(signature_version=UNSIGNED))
reg = c.register_client(clientName="botocore-client-x", clientType="public", scopes=["sso:account:access"])
auth = c.start_device_authorization(clientId=reg["clientId"], clientSecret=reg["clientSecret"], startUrl="https://corp.awsapps.com/start")
seen = []
for _ in range(5):
    try:
        tok = c.create_token(grantType="urn:ietf:params:oauth:grant-type:device_code", clientId=reg["clientId"], clientSecret=reg["clientSecret"], deviceCode=auth["deviceCode"])
        seen.append("token:" + tok["accessToken"])
        break
    except c.exceptions.AuthorizationPendingException:
        seen.append("pending")
        sys.stdout.write(json.dumps({"userCode": auth["userCode"]}) + "\\n"); sys.stdout.flush()
        sys.stdin.readline()
    except c.exceptions.SlowDownException:
        seen.append("slow_down")
print(json.dumps({"seen": seen, "interval": auth.get("interval"), "expiresIn": auth["expiresIn"]}))
`;

describe.skipIf(!hasBotocore)("botocore's sso-oidc client against the device flow", () => {
  it("gets its modelled exceptions (SlowDown, AuthorizationPending) and then the token", async () => {
    const sso = await startSso();
    const oidc = await startSsoOidc({ portal: sso });
    running.push(oidc, sso);
    oidc.fault("/token", { status: 400, headers: { "content-type": "application/json", "x-amzn-errortype": "SlowDownException:" }, body: '{"error":"slow_down"}' }, { times: 1 });
    const child = execFile("python3", ["-c", BOTOCORE_DEVICE_FLOW], { env: { PATH: process.env.PATH ?? "", OIDC: oidc.url, HOME: "/nonexistent" } });
    let out = "";
    child.stdout!.on("data", (d: string) => {
      out += d;
      // Each pending poll: approve, then let botocore poll again.
      if (d.includes("userCode")) {
        oidc.approve();
        child.stdin!.write("\n");
      }
    });
    const [code] = await new Promise<[number | null]>((resolve) => child.on("close", (c) => resolve([c])));
    expect(code).toBe(0);
    const result = JSON.parse(out.trim().split("\n").at(-1)!) as { seen: string[]; interval: number };
    expect(result.seen).toEqual(["slow_down", "pending", "token:emulator-sso-access-token-00000001"]);
    expect(result.interval).toBe(1);
  });
});


