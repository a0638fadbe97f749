import { execFile, spawnSync } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startLogin, type LoginEmulator } from "@credchain/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromLogin } from "../src/from-login.js";
import { isoSeconds, loginToken, makeLoginHome, newDpopKey, SESSION, sha256, writeLoginCache } from "./login-home.js";

// The reference: botocore 1.43's LoginProvider itself, its signin client sent to the emulator by
// AWS_ENDPOINT_URL_SIGNIN. botocore needs awscrt's EC class for the DPoP key; this machine has
// `cryptography` instead, so the script puts in the four calls botocore makes, done with it.
const hasBotocore = spawnSync("python3", ["-c", "import botocore, cryptography"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, sys, botocore.credentials, botocore.session
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

class EC:
    def __init__(self, key):
        self._key = key
    @staticmethod
    def new_key_from_der_data(der):
        try:
            return EC(serialization.load_der_private_key(der, None))
        except Exception as e:
            raise ValueError(str(e))
    def get_public_coords(self):
        n = self._key.public_key().public_numbers()
        return n.x.to_bytes(32, "big"), n.y.to_bytes(32, "big")
    def sign(self, digest):
        return self._key.sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    @staticmethod
    def decode_der_signature_to_padded_pair(signature, pad_to=32):
        r, s = utils.decode_dss_signature(signature)
        return r.to_bytes(pad_to, "big") + s.to_bytes(pad_to, "big")

botocore.credentials.EC = EC
s = botocore.session.Session(profile="dev")
try:
    c = s.get_credentials()
    f = c.get_frozen_credentials()
    out = {"method": c.method, "accessKeyId": f.access_key, "secretAccessKey": f.secret_key, "sessionToken": f.token,
           "accountId": f.account_id, "expiration": c._expiry_time.isoformat()}
except Exception as e:
    out = {"error": type(e).__name__, "message": str(e)}
print(json.dumps(out))
`;

/** botocore's exception → the code credchain uses for it. */
const CODE_OF: Record<string, string> = {
  LoginTokenLoadError: "CredentialRetrieval",
  LoginRefreshRequired: "CredentialRetrieval",
  LoginInsufficientPermissions: "CredentialRetrieval",
  LoginError: "CredentialRetrieval",
  KeyError: "CredentialRetrieval",
  NoRegionError: "NoRegion",
};

type Outcome = { error?: string; message?: string; method?: string; accessKeyId?: string; accountId?: string; expiration?: string };

let homes: Array<Awaited<ReturnType<typeof makeLoginHome>>> = [];
let login: LoginEmulator;
let key: string;
beforeEach(async () => {
  homes = [await makeLoginHome(), await makeLoginHome()];
  // No rotation: botocore and credchain each refresh once with the same cached refresh token.
  login = await startLogin({ rotateRefreshTokens: false });
  key = newDpopKey();
});
afterEach(async () => {
  await Promise.all([login.close(), ...homes.map((h) => h.cleanup())]);
});

/** The same config and cache in both homes: botocore reads the first, credchain the second. */
async function setUp(cache: unknown, region: string | null = "eu-west-1"): Promise<void> {
  for (const h of homes) {
    await writeFile(join(h.home, "config"), `[profile dev]\nlogin_session = ${SESSION}\n${region ? `region = ${region}\n` : ""}`);
    if (cache !== undefined) await writeLoginCache(h.cacheDir, SESSION, cache);
  }
}

function botocore(): Promise<Outcome> {
  const home = homes[0]!.home;
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    AWS_CONFIG_FILE: join(home, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...login.env,
  };
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT], { env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 failed: ${stderr}`));
      else resolve(JSON.parse(stdout) as Outcome);
    });
  });
}

async function credchain(region: string | null = "eu-west-1"): Promise<Outcome & { code?: string }> {
  try {
    const c = await fromLogin({ profile: "dev", loginSession: SESSION, region: region ?? undefined, homedir: homes[1]!.home, env: login.env, sleep: async () => {} })();
    return { method: c.source, accessKeyId: c.accessKeyId, accountId: c.accountId!, expiration: c.expiration!.toISOString() };
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
}

const minutes = (n: number) => isoSeconds(Date.now() + n * 60_000);
const cacheFile = (i: number) => join(homes[i]!.cacheDir, `${sha256(SESSION)}.json`);

describe.skipIf(!hasBotocore)("fromLogin against botocore's LoginProvider", () => {
  it("both return the cached credentials while they last", async () => {
    await setUp(loginToken(minutes(60), key));
    const [ref, ours] = [await botocore(), await credchain()];
    expect(ref).toMatchObject({ method: "login", accessKeyId: "ASIACACHED0000000001", accountId: "111122223333" });
    expect(ours).toMatchObject({ method: "login", accessKeyId: ref.accessKeyId, accountId: ref.accountId });
    expect(Date.parse(ours.expiration!)).toBe(Date.parse(ref.expiration!));
  });

  it("both refresh under 5 minutes with a DPoP proof the emulator accepts, and write the same cache", async () => {
    await setUp(loginToken(minutes(3), key, { futureField: "kept" }));
    const ref = await botocore();
    const ours = await credchain();
    expect(ref).toMatchObject({ method: "login", accessKeyId: "ASIALOGINEMU00000001", accountId: "111122223333" });
    expect(ours).toMatchObject({ method: "login", accessKeyId: "ASIALOGINEMU00000002", accountId: "111122223333" });
    expect(login.proofs.map((p) => [p.payload.htm, p.payload.htu])).toEqual([
      ["POST", `${login.url}/v1/token`],
      ["POST", `${login.url}/v1/token`],
    ]);
    expect(login.proofs[0]!.header).toEqual(login.proofs[1]!.header);

    type Cached = Record<string, Record<string, string>>;
    const a = JSON.parse(await readFile(cacheFile(0), "utf8")) as Cached;
    const b = JSON.parse(await readFile(cacheFile(1), "utf8")) as Cached;
    const strip = (t: Cached) => JSON.parse(JSON.stringify(t).replace(/0000000[12]/g, "n").replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, "T"));
    expect(strip(b)).toEqual(strip(a));
    expect(a.accessToken!.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(a.accessToken!.expiresAt!) - Date.parse(b.accessToken!.expiresAt!))).toBeLessThan(5000);
    expect([(await stat(cacheFile(0))).mode & 0o777, (await stat(cacheFile(1))).mode & 0o777]).toEqual([0o600, 0o600]);
  });

  it.each([
    ["no cache file", undefined, "eu-west-1", undefined],
    ["a corrupt cache file", "{ not json", "eu-west-1", undefined],
    ["missing fields", { accessToken: {}, clientId: "c" }, "eu-west-1", undefined],
    ["a refused refresh (TOKEN_EXPIRED)", "refresh", "eu-west-1", "TOKEN_EXPIRED"],
    ["a refused refresh (USER_CREDENTIALS_CHANGED)", "refresh", "eu-west-1", "USER_CREDENTIALS_CHANGED"],
    ["a refused refresh (INSUFFICIENT_PERMISSIONS)", "refresh", "eu-west-1", "INSUFFICIENT_PERMISSIONS"],
    ["a refused refresh (server_error)", "refresh", "eu-west-1", "server_error"],
    ["no region to refresh with", "refresh", null, undefined],
  ] as const)("both fail on %s", async (_name, cache, region, refusal) => {
    await setUp(cache === "refresh" ? loginToken(minutes(2), key) : cache, region);
    if (refusal) login.revokeRefreshToken("emulator-login-refresh-token", refusal);
    const ref = await botocore();
    const ours = await credchain(region);
    expect(ref.error).toBeDefined();
    expect(ours.code).toBe(CODE_OF[ref.error!]);
    if (ref.error === "LoginRefreshRequired") expect(ours.message).toMatch(/^Your session has expired or credentials have changed/);
    if (ref.error === "LoginInsufficientPermissions") expect(ours.message).toBe(ref.message);
    if (ref.error === "LoginTokenLoadError" && ref.message!.includes("missing required fields")) expect(ours.message).toContain(ref.message!.split(": ").pop()!.replace(/\.$/, ""));
  });

  it("both treat a bad dpopKey as botocore's refresh windows do: fatal under 10 minutes, ignored above", async () => {
    const bad = "-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----\n";
    await setUp(loginToken(minutes(12), bad));
    expect([(await botocore()).accessKeyId, (await credchain()).accessKeyId]).toEqual(["ASIACACHED0000000001", "ASIACACHED0000000001"]);
    await setUp(loginToken(minutes(8), bad));
    const [ref, ours] = [await botocore(), await credchain()];
    expect([ref.error, ours.code]).toEqual(["LoginTokenLoadError", "CredentialRetrieval"]);
    expect(ours.message).toContain("Unable to load private key from cached token");
    expect(login.requests).toEqual([]);
  });

  it("both honour AWS_LOGIN_CACHE_DIRECTORY", async () => {
    await setUp(undefined);
    for (const h of homes) {
      await mkdir(join(h.home, "alt"));
      await writeLoginCache(join(h.home, "alt"), SESSION, loginToken(minutes(60), key));
    }
    // botocore reads the variable from the real environment, so both get it through env.
    const env = { ...login.env, AWS_LOGIN_CACHE_DIRECTORY: "~/alt" };
    const ref = await new Promise<Outcome>((resolve, reject) => {
      const home = homes[0]!.home;
      execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "", HOME: home, AWS_CONFIG_FILE: join(home, "config"), AWS_EC2_METADATA_DISABLED: "true", ...env } }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout) as Outcome),
      );
    });
    const ours = await fromLogin({ profile: "dev", loginSession: SESSION, homedir: homes[1]!.home, env })();
    expect([ref.accessKeyId, ours.accessKeyId]).toEqual(["ASIACACHED0000000001", "ASIACACHED0000000001"]);
  });
});
