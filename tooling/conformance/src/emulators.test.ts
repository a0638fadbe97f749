import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { stsIssuedKeys } from "@credchain/emulator";
import { DEFAULT_EMULATOR_CREDENTIALS, SSO_CLOCK, STS_CLOCK, startScenarioEmulators, validateEmulatorSpec } from "./emulators.js";

describe(startScenarioEmulators.name, () => {
  it("starts nothing without a spec", async () => {
    const running = await startScenarioEmulators(undefined, "t");
    expect(running.placeholders).toEqual({});
    expect(running.imds).toBeUndefined();
    await running.close();
  });

  it("serves the fixed IMDS credentials, without AccountId on either path, at {{IMDS_URL}}", async () => {
    const running = await startScenarioEmulators({ imds: {} }, "t");
    try {
      const base = running.placeholders.IMDS_URL!;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (const path of ["security-credentials", "security-credentials-extended"]) {
        const doc = (await (await fetch(`${base}/latest/meta-data/iam/${path}/credchain-emulator-role`)).json()) as Record<string, string>;
        expect(doc).toMatchObject({
          AccessKeyId: DEFAULT_EMULATOR_CREDENTIALS.imds.accessKeyId,
          Token: DEFAULT_EMULATOR_CREDENTIALS.imds.sessionToken,
          Expiration: "2099-01-01T00:00:00Z",
        });
        expect(doc.AccountId).toBeUndefined();
      }
    } finally {
      await running.close();
    }
  });

  it("serves the container with its token, scenario credentials over the defaults, and arms faults", async () => {
    const running = await startScenarioEmulators(
      {
        container: { authorizationToken: "Bearer t", credentials: { accessKeyId: "ASIAOWN" } },
        faults: [{ server: "container", route: "/creds", fault: 500, times: 1 }],
      },
      "t",
    );
    try {
      const { CONTAINER_URL: url, CONTAINER_TOKEN: token } = running.placeholders;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/creds$/);
      expect(token).toBe("Bearer t");
      const get = () => fetch(url!, { headers: { authorization: token! } });
      expect((await get()).status).toBe(500);
      const doc = (await (await get()).json()) as Record<string, string>;
      expect(doc).toMatchObject({
        AccessKeyId: "ASIAOWN",
        SecretAccessKey: DEFAULT_EMULATOR_CREDENTIALS.container.secretAccessKey,
        AccountId: "123456789012",
      });
    } finally {
      await running.close();
    }
    expect(running.container?.url).toBeDefined();
  });

  it("gives each call its own servers (nothing shared between botocore's run and credchain's)", async () => {
    const a = await startScenarioEmulators({ imds: {} }, "t");
    const b = await startScenarioEmulators({ imds: {} }, "t");
    try {
      expect(a.placeholders.IMDS_URL).not.toBe(b.placeholders.IMDS_URL);
      await fetch(`${a.placeholders.IMDS_URL}/latest/meta-data/iam/security-credentials/`);
      expect(a.imds?.requests).toHaveLength(1);
      expect(b.imds?.requests).toHaveLength(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("startScenarioEmulators with sts", () => {
  it("serves STS at {{STS_URL}} on a pinned clock, checks signatures with a wide skew, and arms faults by Action", async () => {
    const running = await startScenarioEmulators(
      { sts: { roles: [{ arn: "arn:aws:iam::123456789012:role/dev" }] }, faults: [{ server: "sts", route: "AssumeRole", fault: 500, times: 1 }] },
      "t",
    );
    try {
      const url = running.placeholders.STS_URL!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.sts?.env).toEqual({ AWS_ENDPOINT_URL_STS: url });
      // Unsigned AssumeRole: faulted once, then refused by the handler (and recorded as a call).
      const post = () => fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/dev&RoleSessionName=s" });
      expect((await post()).status).toBe(500);
      expect((await post()).status).toBe(403);
      expect(running.sts?.calls.map((c) => [c.action, c.errorCode, c.time])).toEqual([["AssumeRole", "MissingAuthenticationToken", STS_CLOCK]]);
      expect(stsIssuedKeys(1).accessKeyId).toBe("ASIASTSEMULATOR00001");
    } finally {
      await running.close();
    }
  });
});

describe("startScenarioEmulators with sso and ssoOidc", () => {
  const getRoleCredentials = (url: string, token: string) =>
    fetch(`${url}/federation/credentials?role_name=Developer&account_id=111122223333`, { headers: { "x-amz-sso_bearer_token": token } });

  it("serves the portal at {{SSO_URL}} on a pinned clock: deterministic credentials expiring 2098-12-31T01:00:00Z", async () => {
    const running = await startScenarioEmulators(
      { sso: { accessTokens: { t: null }, roles: { "111122223333": ["Developer"] } }, faults: [{ server: "sso", route: "/federation/credentials", fault: 500, times: 1 }] },
      "t",
    );
    try {
      const url = running.placeholders.SSO_URL!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.placeholders.SSO_OIDC_URL).toBeUndefined();
      expect((await getRoleCredentials(url, "t")).status).toBe(500);
      const doc = (await (await getRoleCredentials(url, "t")).json()) as { roleCredentials: Record<string, unknown> };
      expect(doc.roleCredentials).toEqual({
        accessKeyId: "ASIAEMULATOR00000001",
        secretAccessKey: "emulatorSecretAccessKey/00000001/xxxxxxx",
        sessionToken: "emulatorSessionToken/00000001",
        expiration: SSO_CLOCK + 3600_000,
      });
      expect((await getRoleCredentials(url, "other")).status).toBe(401);
      // In answer order, without headers: the bearer token never reaches the record.
      expect(running.ssoRequests.map((r) => [r.service, r.record.status])).toEqual([["sso", 500], ["sso", 200], ["sso", 401]]);
    } finally {
      await running.close();
    }
  });

  it("links SSO-OIDC at {{SSO_OIDC_URL}} to the portal: a refreshed token is accepted there", async () => {
    const running = await startScenarioEmulators({ sso: { accessTokens: {}, roles: { "111122223333": ["Developer"] } }, ssoOidc: {} }, "t");
    try {
      const oidc = running.placeholders.SSO_OIDC_URL!;
      const body = { clientId: "emulator-client-id", clientSecret: "emulator-client-secret", grantType: "refresh_token", refreshToken: "emulator-refresh-token" };
      const answer = (await (await fetch(`${oidc}/token`, { method: "POST", body: JSON.stringify(body) })).json()) as { accessToken: string };
      expect(answer.accessToken).toBe("emulator-sso-access-token-00000001");
      expect((await getRoleCredentials(running.placeholders.SSO_URL!, answer.accessToken)).status).toBe(200);
      expect(running.ssoRequests.map((r) => r.service)).toEqual(["sso-oidc", "sso"]);
    } finally {
      await running.close();
    }
  });
});

describe("startScenarioEmulators with tls", () => {
  it("serves STS, SSO and SSO-OIDC over https with a certificate only {{CA_BUNDLE}} trusts (IMDS stays http), removed on close", async () => {
    const running = await startScenarioEmulators({ tls: true, imds: {}, sts: {}, sso: {}, ssoOidc: {} }, "t");
    const bundle = running.placeholders.CA_BUNDLE!;
    try {
      for (const name of ["STS_URL", "SSO_URL", "SSO_OIDC_URL"]) expect(running.placeholders[name]).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(running.placeholders.IMDS_URL).toMatch(/^http:/);
      const get = (ca?: string) =>
        new Promise<number>((resolve, reject) =>
          request(running.placeholders.STS_URL!, { ca }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on("error", reject).end(),
        );
      expect(await get(readFileSync(bundle, "utf8"))).toBeGreaterThan(0);
      await expect(get()).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
    } finally {
      await running.close();
    }
    expect(existsSync(bundle)).toBe(false);
  });
});

describe(validateEmulatorSpec.name, () => {
  it("accepts the documented fields", () => {
    expect(() =>
      validateEmulatorSpec(
        {
          imds: { allowV1: false, roleName: null, extended: false, credentials: { expiration: "2099-01-01T00:00:00Z" } },
          container: { authorizationToken: "x", path: "/v1/credentials" },
          faults: [{ server: "imds", route: "/latest/api/token", fault: "hang" }],
        },
        "t",
      ),
    ).not.toThrow();
  });

  it("accepts tls: true only", () => {
    expect(() => validateEmulatorSpec({ tls: true, sts: {} }, "x")).not.toThrow();
    expect(() => validateEmulatorSpec({ tls: false as unknown as true }, "x")).toThrow("emulator.tls must be true");
  });

  it("refuses host/port (the runner binds 127.0.0.1), unknown keys, and faults on a server not started", () => {
    expect(() => validateEmulatorSpec({ imds: { host: "0.0.0.0" } as never }, "t")).toThrow(/unknown key\(s\) host in emulator.imds/);
    expect(() => validateEmulatorSpec({ imds: {}, extra: 1 } as never, "t")).toThrow(/unknown key/);
    expect(() => validateEmulatorSpec({ imds: {}, faults: [{ server: "container", route: "/creds", fault: 500 }] }, "t")).toThrow(
      /does not start/,
    );
    expect(() => validateEmulatorSpec({ container: { credentials: { token: "x" } as never } }, "t")).toThrow(/credentials/);
    expect(() => validateEmulatorSpec({ sts: { now: () => 0 } as never }, "t")).toThrow(/unknown key\(s\) now in emulator.sts/);
    expect(() => validateEmulatorSpec({ faults: [{ server: "sts", route: "AssumeRole", fault: 500 }] }, "t")).toThrow(/does not start/);
    expect(() => validateEmulatorSpec({ sso: { now: () => 0 } as never }, "t")).toThrow(/unknown key\(s\) now in emulator.sso/);
    expect(() => validateEmulatorSpec({ ssoOidc: { portal: {} } as never }, "t")).toThrow(/unknown key\(s\) portal in emulator.ssoOidc/);
    expect(() => validateEmulatorSpec({ sso: {}, faults: [{ server: "ssoOidc", route: "/token", fault: 500 }] }, "t")).toThrow(/does not start/);
    expect(() => validateEmulatorSpec({ sso: {}, faults: [{ server: "toString" as never, route: "/", fault: 500 }] }, "t")).toThrow(/does not start/);
  });
});
