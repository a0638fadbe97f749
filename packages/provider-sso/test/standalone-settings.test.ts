import { botocoreClientCalls, HAS_BOTOCORE, recordingTransport } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromSso } from "../src/from-sso.js";
import { iso, makeSsoHome, writeCache } from "./sso-home.js";

// fromSso used on its own reads the portal's and SSO-OIDC's endpoints and AWS_MAX_ATTEMPTS from
// env (and the profile's settings when given) as botocore's sso / sso-oidc clients do. Requests
// are stopped by a recording transport and compared with botocore's clients for the same env.

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const START_URL = "https://corp.awsapps.com/start";
let home: Awaited<ReturnType<typeof makeSsoHome>>;
beforeAll(async () => {
  home = await makeSsoHome();
  await writeCache(home.cacheDir, START_URL, { accessToken: "t", expiresAt: iso(T0 + 8 * 3600_000), region: "eu-west-1", startUrl: START_URL });
});
afterAll(() => home.cleanup());

const CASES: { region: string; env: Record<string, string> }[] = [
  { region: "eu-west-1", env: {} },
  { region: "cn-north-1", env: {} },
  { region: "us-iso-east-1", env: {} },
  { region: "eusc-de-east-1", env: {} },
  { region: "eu-west-1", env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:9/sso", AWS_ENDPOINT_URL: "http://127.0.0.1:8" } },
  { region: "eu-west-1", env: { AWS_ENDPOINT_URL: "http://127.0.0.1:8" } },
  { region: "eu-west-1", env: { AWS_ENDPOINT_URL_SSO: "", AWS_ENDPOINT_URL: "http://127.0.0.1:8" } },
  { region: "eu-west-1", env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:9", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "True" } },
  { region: "eu-west-1", env: { AWS_MAX_ATTEMPTS: "2" } },
  { region: "eu-west-1", env: { AWS_MAX_ATTEMPTS: "1", AWS_REGION: "us-east-2", AWS_DEFAULT_REGION: "us-west-2" } },
];

async function portal(c: (typeof CASES)[number]) {
  const { transport, requests } = recordingTransport();
  const config = { profile: "old", ssoStartUrl: START_URL, ssoRegion: c.region, ssoAccountId: "123456789012", ssoRoleName: "r" };
  await fromSso({ ...config, homedir: home.home, env: c.env, now: () => T0, transport, sleep: async () => {} })().catch(() => undefined);
  return { url: requests[0]?.url, attempts: requests.length };
}

describe("fromSso on its own", () => {
  it("calls the portal of the sso_region's partition, or the endpoint env names", async () => {
    expect((await portal(CASES[2]!)).url).toBe("https://portal.sso.us-iso-east-1.c2s.ic.gov/federation/credentials?role_name=r&account_id=123456789012");
    expect((await portal(CASES[5]!)).url).toMatch(/^http:\/\/127\.0\.0\.1:8\/federation\/credentials\?/);
  });

  it("makes AWS_MAX_ATTEMPTS attempts", async () => {
    expect((await portal(CASES[8]!)).attempts).toBe(2);
    expect((await portal(CASES[0]!)).attempts).toBe(5);
  });

  it.skipIf(!HAS_BOTOCORE)("sends GetRoleCredentials where botocore's sso client does for the same env", async () => {
    const theirs = await botocoreClientCalls(CASES.map((c) => ({ service: "sso", region: c.region, env: c.env })));
    const ours = await Promise.all(CASES.map(portal));
    expect(ours.map((o, i) => ({ url: o.url, maxAttempts: theirs[i]!.maxAttempts === null ? null : o.attempts }))).toEqual(theirs);
  }, 60_000);
});
