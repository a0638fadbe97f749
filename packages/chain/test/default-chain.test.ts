import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CREDENTIAL_SOURCES, fetchTransport, type Transport } from "@credchain/core";
import { startContainer } from "@credchain/emulator";
import { rejection as failure } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { defaultChain } from "../src/index.js";
import { envFor, homeWith, NODE } from "./home.js";

const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };
const CREDENTIALS = `[default]
aws_access_key_id = AKIDFILE
aws_secret_access_key = file-secret
[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = dev-secret
`;
const CONFIG = `[profile dev]
region = eu-west-1
[profile other]
aws_access_key_id = AKIDOTHER
aws_secret_access_key = other-secret
`;

// Prints Version 1 JSON and appends a line to a counter file each time it runs.
const ISSUER = `const fs = require("node:fs");
fs.appendFileSync(process.argv[2], "run\\n");
console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIDPROC", SecretAccessKey: "proc-secret",
  SessionToken: "proc-token", Expiration: new Date(Date.now() + 3600e3).toISOString() }));
`;

// botocore's order is core's CREDENTIAL_SOURCES; keys from code come before all of it.
const ORDER = CREDENTIAL_SOURCES.filter((s) => s !== "explicit");

describe("defaultChain", () => {
  it("takes env first", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const c = await defaultChain({ env: envFor(home, ENV_KEYS) })();
    expect(c).toMatchObject({ accessKeyId: "AKIDENV", source: "env" });
  });

  it("drops env for an explicit profile, as boto3.Session(profile_name=…)", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const c = await defaultChain({ env: envFor(home, ENV_KEYS), profile: "dev" })();
    expect(c).toMatchObject({ accessKeyId: "AKIDDEV", source: "shared-credentials-file" });
  });

  it("keeps env when AWS_PROFILE selects the profile", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const c = await defaultChain({ env: envFor(home, { ...ENV_KEYS, AWS_PROFILE: "dev" }) })();
    expect(c.source).toBe("env");
  });

  it("lets AWS_DEFAULT_PROFILE win over AWS_PROFILE, as botocore", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS, ".aws/config": CONFIG });
    const c = await defaultChain({ env: envFor(home, { AWS_PROFILE: "dev", AWS_DEFAULT_PROFILE: "other" }) })();
    expect(c).toMatchObject({ accessKeyId: "AKIDOTHER", source: "config-file" });
  });

  it("fails with ProfileNotFound for a selected profile that exists nowhere, env keys or not", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const e = await failure(defaultChain({ env: envFor(home, { ...ENV_KEYS, AWS_PROFILE: "nope" }) })());
    expect(e.code).toBe("ProfileNotFound");
    expect(e.message).toContain("(nope)");
    expect(e.message).toContain(join(home, ".aws", "config"));
  });

  it("fails with ConfigParse for a file that cannot be parsed, even with env keys", async () => {
    const home = await homeWith({ ".aws/config": "[default]\nregion = a\nregion = b\n" });
    const e = await failure(defaultChain({ env: envFor(home, ENV_KEYS) })());
    expect(e.code).toBe("ConfigParse");
    expect(e.message).toContain(join(home, ".aws", "config"));
  });

  it("fails on a profile's IMDS setting botocore cannot read before any provider, env keys or not (botocore: ValueError, InvalidIMDSEndpointModeError)", async () => {
    for (const [line, key] of [
      ["metadata_service_timeout = 1.5", "metadata_service_timeout"],
      ["ec2_metadata_service_endpoint_mode = dual", "ec2_metadata_service_endpoint_mode"],
      ["ec2_metadata_service_endpoint = 169.254.169.254", "ec2_metadata_service_endpoint"],
    ]) {
      const home = await homeWith({ ".aws/config": `[default]\n${line}\n` });
      const e = await failure(defaultChain({ env: envFor(home, ENV_KEYS) })());
      expect(e).toMatchObject({ code: "InvalidConfig", key, profile: "default", source: "iam-role" });
    }
    const home = await homeWith({});
    expect(await failure(defaultChain({ env: envFor(home, ENV_KEYS), imds: { endpointMode: "dual" } })())).toMatchObject({ code: "InvalidConfig", key: "ec2_metadata_service_endpoint_mode" });
  });

  it("runs credential_process, caches its answer and does not run it again while valid", async () => {
    const home = await homeWith({
      "issuer.cjs": ISSUER,
      ".aws/config": `[profile app]\ncredential_process = ${NODE} "{{HOME}}/issuer.cjs" "{{HOME}}/runs.txt"\n`,
    });
    const provider = defaultChain({ env: envFor(home), profile: "app" });
    const first = await provider();
    const second = await provider();
    expect(first).toMatchObject({ accessKeyId: "AKIDPROC", sessionToken: "proc-token", source: "custom-process" });
    expect(second).toBe(first);
    expect(first.expiration?.getTime()).toBeGreaterThan(Date.now());
    expect(await readFile(join(home, "runs.txt"), "utf8")).toBe("run\n");
    provider.dispose();
  });

  it("prefers the credentials file over credential_process in the same profile", async () => {
    const home = await homeWith({
      ".aws/credentials": CREDENTIALS,
      ".aws/config": `[profile dev]\ncredential_process = /bin/false\n`,
    });
    const c = await defaultChain({ env: envFor(home), profile: "dev" })();
    expect(c.source).toBe("shared-credentials-file");
  });

  it("takes keys passed in code before everything", async () => {
    const home = await homeWith({});
    const c = await defaultChain({ env: envFor(home, ENV_KEYS), credentials: { accessKeyId: "AKIDCODE", secretAccessKey: "code-secret" } })();
    expect(c).toMatchObject({ accessKeyId: "AKIDCODE", source: "explicit" });
  });

  it("gives PartialCredentials for code keys without a secret", async () => {
    const home = await homeWith({});
    const e = await failure(defaultChain({ env: envFor(home), credentials: { accessKeyId: "AKIDCODE", secretAccessKey: "" } })());
    expect(e.code).toBe("PartialCredentials");
  });

  it("reads aws login sessions, and says which command to run when the cache is missing", async () => {
    const home = await homeWith({ ".aws/config": "[profile p]\nlogin_session = arn:aws:iam::123456789012:user/u\nregion = us-east-1\n" });
    const e = await failure(defaultChain({ env: envFor(home), profile: "p" })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", source: "login" });
    expect(e.message).toContain("aws login --profile p");
  });

  it("serves a valid aws login session from its cache file", async () => {
    const { createHash, generateKeyPairSync } = await import("node:crypto");
    const session = "arn:aws:iam::111122223333:user/alice";
    const dpopKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "sec1" }) as string;
    const token = {
      accessToken: { accessKeyId: "ASIALOGINCACHED00001", secretAccessKey: "login-secret", sessionToken: "login-token", accountId: "111122223333", expiresAt: "2099-01-01T00:00:00Z" },
      tokenType: "aws_sigv4",
      clientId: "arn:aws:signin:::devtools/same-device",
      refreshToken: "r",
      dpopKey,
    };
    const home = await homeWith({
      ".aws/config": `[profile p]\nlogin_session = ${session}\nregion = us-east-1\n`,
      [`.aws/login/cache/${createHash("sha256").update(session).digest("hex")}.json`]: JSON.stringify(token),
    });
    const c = await defaultChain({ env: envFor(home), profile: "p" })();
    expect(c).toMatchObject({ source: "login", accessKeyId: "ASIALOGINCACHED00001", accountId: "111122223333" });
  });

  it("gets container credentials from the endpoint and explains the providers before it", async () => {
    const container = await startContainer();
    try {
      const home = await homeWith({});
      const provider = defaultChain({ env: envFor(home, container.env) });
      const c = await provider();
      expect(c.source).toBe("container-role");
      expect(c.expiration).toBeInstanceOf(Date);
      provider.dispose();
    } finally {
      await container.close();
    }
  });

  it("sends its requests through the transport it is given", async () => {
    const container = await startContainer();
    try {
      const home = await homeWith({});
      const urls: string[] = [];
      const inner = fetchTransport();
      const transport: Transport = (request) => (urls.push(request.url), inner(request));
      const provider = defaultChain({ env: envFor(home, container.env), transport });
      expect((await provider()).source).toBe("container-role");
      expect(urls).toEqual([container.fullUri]);
      provider.dispose();
    } finally {
      await container.close();
    }
  });

  it("explains every provider in botocore's order, without secrets", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const trace = await defaultChain({ env: envFor(home) }).explain();
    expect(trace.profile).toEqual({ name: "default", from: "default" });
    expect(trace.attempts.map((a) => a.source)).toEqual(ORDER);
    expect(trace.attempts.map((a) => a.outcome)).toEqual(ORDER.map((s) => (s === "shared-credentials-file" ? "used" : "skipped")));
    expect(trace.credentials?.accessKeyId).toBe("AKIDFILE");
    expect(JSON.stringify(trace.attempts)).not.toContain("file-secret");
    expect(trace.plan).toMatchObject({ kind: "static", method: "shared-credentials-file", profile: "default" });
    expect(JSON.stringify(trace.plan)).not.toContain("file-secret");
  });

  it("explains an explicit profile without env, and a setup failure as such", async () => {
    const home = await homeWith({ ".aws/credentials": CREDENTIALS });
    const trace = await defaultChain({ env: envFor(home), profile: "dev" }).explain();
    expect(trace.attempts[0]).toMatchObject({ source: "env", outcome: "skipped" });
    expect(trace.attempts[0]?.reason).toContain('profile "dev" was chosen explicitly');
    expect(trace.profile?.from).toBe("option");
    const missing = await defaultChain({ env: envFor(home), profile: "nope" }).explain();
    expect(missing.attempts).toEqual([expect.objectContaining({ source: "shared-config", outcome: "failed", code: "ProfileNotFound" })]);
  });

  it("says what each provider looked at when nothing is found", async () => {
    const home = await homeWith({});
    const e = await failure(defaultChain({ env: envFor(home) })());
    expect(e.code).toBe("NoCredentials");
    expect(e.message).toContain("env: AWS_ACCESS_KEY_ID is not set");
    expect(e.message).toContain(join(home, ".aws", "credentials"));
    expect(e.message).toContain("iam-role:");
    expect(e.attempts).toHaveLength(ORDER.length);
  });

  it("rejects credentials that are already expired (botocore's RuntimeError)", async () => {
    const home = await homeWith({});
    const env = envFor(home, { ...ENV_KEYS, AWS_SESSION_TOKEN: "t", AWS_CREDENTIAL_EXPIRATION: "2000-01-01T00:00:00Z" });
    expect((await failure(defaultChain({ env })())).code).toBe("CredentialRetrieval");
    expect((await failure(defaultChain({ env, refresh: false })())).code).toBe("CredentialRetrieval");
  });
});
