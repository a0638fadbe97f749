import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { profileLayer as layer } from "./profile-layer.js";
import type { CredchainError } from "../src/errors.js";
import { CA_BUNDLE } from "../src/ca-bundle.js";
import { resolveEndpointUrl } from "../src/resolve-endpoint-url.js";
import { resolveSetting, type Setting } from "../src/resolve-setting.js";
import * as table from "../src/settings.js";

// The table against botocore itself: Session.get_config_variable(name) for the same env and
// config file, and ConfiguredEndpointProvider for endpoint URLs. Skipped without python3 + botocore.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const SCRIPT = `
import json, os, sys, botocore.session
from botocore.configprovider import ConfiguredEndpointProvider
from botocore.utils import resolve_imds_endpoint_mode, is_valid_uri
out = []
for c in json.loads(sys.stdin.read()):
    for k in [k for k in os.environ if k.startswith("AWS_")]: del os.environ[k]
    with open(c["file"], "w") as f: f.write(c["config"])
    os.environ.update(c["env"]); os.environ["AWS_CONFIG_FILE"] = c["file"]
    s = botocore.session.Session()
    def value():
        if c["name"].startswith("endpoint_url:"):
            if s.get_config_variable("ignore_configured_endpoint_urls"): return None
            return ConfiguredEndpointProvider(s.full_config, s.get_scoped_config(), c["name"][13:]).provide()
        # The IMDS fetcher's checks of these two, which the rows do as they read them.
        if c["name"] == "ec2_metadata_service_endpoint_mode": return resolve_imds_endpoint_mode(s) if s.get_config_variable(c["name"]) is not None else None
        v = s.get_config_variable(c["name"])
        if c["name"] == "ec2_metadata_service_endpoint" and v and not is_valid_uri(v): raise ValueError("InvalidIMDSEndpointError")
        return v
    try: out.append({"value": value()})
    except Exception as e: out.append({"error": type(e).__name__})
print(json.dumps(out))
`;

const ROWS: Record<string, Setting<unknown>> = {
  region: table.REGION,
  sts_regional_endpoints: table.STS_REGIONAL_ENDPOINTS,
  use_fips_endpoint: table.USE_FIPS_ENDPOINT,
  use_dualstack_endpoint: table.USE_DUALSTACK_ENDPOINT,
  ignore_configured_endpoint_urls: table.IGNORE_CONFIGURED_ENDPOINT_URLS,
  max_attempts: table.MAX_ATTEMPTS,
  metadata_service_timeout: table.METADATA_SERVICE_TIMEOUT,
  metadata_service_num_attempts: table.METADATA_SERVICE_NUM_ATTEMPTS,
  ec2_metadata_service_endpoint: table.EC2_METADATA_SERVICE_ENDPOINT,
  ec2_metadata_service_endpoint_mode: table.EC2_METADATA_SERVICE_ENDPOINT_MODE,
  imds_use_ipv6: table.IMDS_USE_IPV6,
  ec2_metadata_v1_disabled: table.EC2_METADATA_V1_DISABLED,
};

const CASES: { name: string; env: Record<string, string>; config: string }[] = [];
const envOf: Record<string, string> = {
  region: "AWS_DEFAULT_REGION",
  sts_regional_endpoints: "AWS_STS_REGIONAL_ENDPOINTS",
  use_fips_endpoint: "AWS_USE_FIPS_ENDPOINT",
  use_dualstack_endpoint: "AWS_USE_DUALSTACK_ENDPOINT",
  ignore_configured_endpoint_urls: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
  max_attempts: "AWS_MAX_ATTEMPTS",
  metadata_service_timeout: "AWS_METADATA_SERVICE_TIMEOUT",
  metadata_service_num_attempts: "AWS_METADATA_SERVICE_NUM_ATTEMPTS",
  ec2_metadata_service_endpoint: "AWS_EC2_METADATA_SERVICE_ENDPOINT",
  ec2_metadata_service_endpoint_mode: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
  imds_use_ipv6: "AWS_IMDS_USE_IPV6",
  ec2_metadata_v1_disabled: "AWS_EC2_METADATA_V1_DISABLED",
};
for (const name of Object.keys(ROWS)) {
  const v = name.includes("attempts") || name.includes("timeout") ? ["3", " +1_0 ", "1.5", ""] : ["true", "TRUE", "legacy", "", "IPv6"];
  CASES.push({ name, env: {}, config: "" });
  for (const text of v) {
    CASES.push({ name, env: { [envOf[name]!]: text }, config: `[default]\n${name} = 7\n` });
    CASES.push({ name, env: {}, config: `[default]\n${name} = ${text}\n` });
  }
}
for (const text of ["IPv6", "ipv4", "IPV6", "dual", "", "http://127.0.0.1:1338", "http://[fd00:ec2::254]/", "http://bad_host/", "169.254.169.254"]) {
  for (const name of ["ec2_metadata_service_endpoint", "ec2_metadata_service_endpoint_mode"]) {
    CASES.push({ name, env: { [envOf[name]!]: text }, config: "" }, { name, env: {}, config: `[default]\n${name} = ${text}\n` });
  }
}
// ca_bundle: env over the profile, the text as written (urllib3 expands `~` later). "" is left out:
// botocore keeps it (and then verifies no certificate), credchain reads it as unset (ca-bundle.test.ts).
ROWS.ca_bundle = CA_BUNDLE;
CASES.push(
  { name: "ca_bundle", env: {}, config: "" },
  { name: "ca_bundle", env: {}, config: "[default]\nca_bundle = ~/corp ca.pem\n" },
  { name: "ca_bundle", env: { AWS_CA_BUNDLE: "/env.pem" }, config: "[default]\nca_bundle = /profile.pem\n" },
);
for (const service of ["sts", "sso", "sso_oidc", "signin"]) {
  const client = service.replace("_", "-");
  const u = service.toUpperCase();
  CASES.push(
    { name: `endpoint_url:${client}`, env: {}, config: "[default]\nendpoint_url = http://profile\n" },
    { name: `endpoint_url:${client}`, env: { [`AWS_ENDPOINT_URL_${u}`]: "http://svc", AWS_ENDPOINT_URL: "http://all" }, config: "" },
    { name: `endpoint_url:${client}`, env: { [`AWS_ENDPOINT_URL_${u}`]: "", AWS_ENDPOINT_URL: "http://all" }, config: "" },
    { name: `endpoint_url:${client}`, env: {}, config: `[default]\nendpoint_url = http://profile\nservices = s\n[services s]\n${service} =\n  endpoint_url = http://services\n` },
    { name: `endpoint_url:${client}`, env: {}, config: `[default]\nendpoint_url = http://profile\nservices = s\n[services s]\nother =\n  endpoint_url = http://x\n` },
    { name: `endpoint_url:${client}`, env: {}, config: "[default]\nendpoint_url = http://profile\nservices = missing\n" },
    { name: `endpoint_url:${client}`, env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL: "http://all" }, config: "[default]\nendpoint_url = http://profile\n" },
    { name: `endpoint_url:${client}`, env: { AWS_ENDPOINT_URL: "http://all" }, config: "[default]\nignore_configured_endpoint_urls = TRUE\n" },
  );
}

function ours(c: (typeof CASES)[number]): { value?: unknown; error?: string } {
  const profile = layer(c.config || "[default]\n");
  try {
    const value = c.name.startsWith("endpoint_url:")
      ? resolveEndpointUrl(c.name.slice(13).replace("-", "_"), { env: c.env, profile }).value
      : resolveSetting(ROWS[c.name]!, { env: c.env, profile }).value;
    return { value: value ?? null };
  } catch (error) {
    return { error: (error as CredchainError).code };
  }
}

describe.skipIf(!hasBotocore)("the settings table against botocore's config chain", () => {
  it("gives botocore's value, or fails where botocore raises", async () => {
    const dir = await mkdtemp(join(tmpdir(), "credchain-settings-"));
    try {
      const file = join(dir, "config");
      await writeFile(file, "");
      const theirs = await new Promise<{ value?: unknown; error?: string }[]>((resolve, reject) => {
        const child = execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir }, timeout: 60_000 }, (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout)),
        );
        child.stdin!.end(JSON.stringify(CASES.map((c) => ({ ...c, file }))));
      });
      const BOTOCORE_ERROR: Record<string, string> = { ValueError: "InvalidConfig", InvalidConfigError: "InvalidConfig", InvalidIMDSEndpointModeError: "InvalidConfig" };
      const mismatches = CASES.flatMap((c, i) => {
        const t = theirs[i]!;
        const expected = t.error ? { error: BOTOCORE_ERROR[t.error] ?? t.error } : { value: t.value };
        return JSON.stringify(ours(c)) === JSON.stringify(expected) ? [] : [{ case: c, botocore: t, ours: ours(c) }];
      });
      expect(mismatches).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
