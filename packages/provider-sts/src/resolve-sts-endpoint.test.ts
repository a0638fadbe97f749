import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveStsEndpoint, type StsEndpointConfig } from "./resolve-sts-endpoint.js";

describe(resolveStsEndpoint.name, () => {
  it.each([
    [{ region: "us-west-2" }, {}, "https://sts.us-west-2.amazonaws.com", "us-west-2"],
    [{ region: "us-east-1" }, {}, "https://sts.us-east-1.amazonaws.com", "us-east-1"],
    [{}, {}, "https://sts.amazonaws.com", "us-east-1"],
    [{ region: "aws-global" }, {}, "https://sts.amazonaws.com", "us-east-1"],
    [{ region: "us-west-2" }, { AWS_STS_REGIONAL_ENDPOINTS: "legacy" }, "https://sts.amazonaws.com", "us-east-1"],
    [{ region: "us-west-2", stsRegionalEndpoints: "legacy" }, {}, "https://sts.amazonaws.com", "us-east-1"],
    [{ region: "af-south-1" }, { AWS_STS_REGIONAL_ENDPOINTS: "legacy" }, "https://sts.af-south-1.amazonaws.com", "af-south-1"],
    [{ region: "us-east-1" }, { AWS_USE_FIPS_ENDPOINT: "TRUE" }, "https://sts-fips.us-east-1.amazonaws.com", "us-east-1"],
    [{ region: "us-east-1", useFipsEndpoint: true }, { AWS_STS_REGIONAL_ENDPOINTS: "legacy" }, "https://sts-fips.us-east-1.amazonaws.com", "us-east-1"],
    [{ region: "us-east-1" }, { AWS_USE_FIPS_ENDPOINT: "yes" }, "https://sts.us-east-1.amazonaws.com", "us-east-1"],
    [{ region: "us-east-1" }, { AWS_USE_DUALSTACK_ENDPOINT: "true" }, "https://sts.us-east-1.api.aws", "us-east-1"],
    [{ region: "us-east-1", useFipsEndpoint: true, useDualstackEndpoint: true }, {}, "https://sts-fips.us-east-1.api.aws", "us-east-1"],
    [{ region: "us-gov-west-1", useFipsEndpoint: true }, {}, "https://sts.us-gov-west-1.amazonaws.com", "us-gov-west-1"],
    [{ region: "cn-north-1" }, {}, "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1"],
    [{ region: "cn-north-1", useDualstackEndpoint: "true" }, {}, "https://sts.cn-north-1.api.amazonwebservices.com.cn", "cn-north-1"],
    [{ region: "us-iso-east-1" }, {}, "https://sts.us-iso-east-1.c2s.ic.gov", "us-iso-east-1"],
    [{ region: "foo-bar-1" }, {}, "https://sts.foo-bar-1.amazonaws.com", "foo-bar-1"],
    [{}, { AWS_USE_FIPS_ENDPOINT: "true" }, "https://sts-fips.aws-global.amazonaws.com", "us-east-1"],
  ] as [StsEndpointConfig, Record<string, string>, string, string][])("%j with %j → %s", (config, env, url, signingRegion) => {
    expect(resolveStsEndpoint(config, env)).toMatchObject({ url, signingRegion, from: "rules" });
  });

  it("custom endpoints: code, then AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, services, the profile", () => {
    const all = { endpointUrl: "http://code", serviceEndpointUrl: "http://services", profileEndpointUrl: "http://profile", region: "eu-west-1" };
    const env = { AWS_ENDPOINT_URL_STS: "http://env-sts/x", AWS_ENDPOINT_URL: "http://env-all" };
    expect(resolveStsEndpoint(all, env)).toEqual({ url: "http://code", signingRegion: "eu-west-1", from: "endpointUrl" });
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, env).url).toBe("http://env-sts/x");
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, { ...env, AWS_ENDPOINT_URL_STS: "" }).url).toBe("http://env-all");
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, {}).url).toBe("http://services");
    expect(resolveStsEndpoint({ region: "eu-west-1", profileEndpointUrl: "http://profile" }, {}).from).toBe("profile");
    // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS drops all but the one in code.
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }).url).toBe("https://sts.eu-west-1.amazonaws.com");
    expect(resolveStsEndpoint(all, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }).url).toBe("http://code");
    // A custom endpoint wins over FIPS and dual-stack.
    expect(resolveStsEndpoint({ region: "us-east-1", useFipsEndpoint: true }, env).url).toBe("http://env-sts/x");
  });

  it("errors as botocore: bad region, bad endpoint, bad sts_regional_endpoints, custom endpoint without region", () => {
    expect(() => resolveStsEndpoint({ region: "Bad_Region!" }, {})).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "region" }));
    expect(() => resolveStsEndpoint({ region: "us-east-1" }, { AWS_ENDPOINT_URL_STS: "127.0.0.1:9" })).toThrow(expect.objectContaining({ code: "InvalidConfig", message: expect.stringContaining("Invalid endpoint: 127.0.0.1:9") }));
    expect(() => resolveStsEndpoint({ region: "us-east-1" }, { AWS_STS_REGIONAL_ENDPOINTS: "Legacy" })).toThrow(/STS regional endpoints option Legacy is invalid/);
    expect(() => resolveStsEndpoint({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:8" })).toThrow(expect.objectContaining({ code: "NoRegion" }));
  });
});

// The same cases through botocore itself: the URL it would call and the region it signs for.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const SCRIPT = `
import json, os, sys, botocore.session
out = []
for c in json.loads(sys.stdin.read()):
    for k in [k for k in os.environ if k.startswith("AWS_")]: del os.environ[k]
    os.environ.update(c["env"])
    s = botocore.session.get_session()
    try:
        cl = s.create_client("sts", region_name=c.get("region"), aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x")
        seen = {}
        def stop(request, **kw):
            seen["url"] = request.url
            seen["scope"] = request.headers["Authorization"].decode().split("Credential=")[1].split(",")[0]
            raise KeyboardInterrupt()
        cl.meta.events.register("before-send", stop)
        try: cl.get_caller_identity()
        except KeyboardInterrupt: pass
        out.append({"url": seen["url"].rstrip("/"), "region": seen["scope"].split("/")[2]})
    except Exception as e:
        out.append({"error": type(e).__name__})
print(json.dumps(out))
`;

const PARITY: { region?: string; env: Record<string, string>; config?: string; ts?: StsEndpointConfig }[] = [
  { region: "us-west-2", env: {} },
  { env: {} },
  { region: "eu-west-1", env: { AWS_STS_REGIONAL_ENDPOINTS: "legacy" } },
  { region: "me-south-1", env: { AWS_STS_REGIONAL_ENDPOINTS: "legacy" } },
  { region: "eu-west-1", env: { AWS_USE_FIPS_ENDPOINT: "true" } },
  { region: "ca-central-1", env: { AWS_USE_DUALSTACK_ENDPOINT: "true", AWS_USE_FIPS_ENDPOINT: "true" } },
  { region: "us-gov-east-1", env: { AWS_USE_FIPS_ENDPOINT: "true" } },
  { region: "cn-northwest-1", env: { AWS_USE_DUALSTACK_ENDPOINT: "true" } },
  { region: "us-isob-east-1", env: {} },
  { region: "eusc-de-east-1", env: {} },
  { env: { AWS_USE_DUALSTACK_ENDPOINT: "true" } },
  { region: "us-west-2", env: { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9/sts", AWS_ENDPOINT_URL: "http://127.0.0.1:8" } },
  { region: "us-west-2", env: { AWS_ENDPOINT_URL: "http://127.0.0.1:8", AWS_USE_FIPS_ENDPOINT: "true" } },
  { env: { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9" } },
  { region: "us-west-2", env: { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" } },
  { region: "us-east-1", env: { AWS_STS_REGIONAL_ENDPOINTS: "global" } },
  {
    region: "us-west-2",
    env: { AWS_ENDPOINT_URL: "http://127.0.0.1:8" },
    config: "[default]\nservices = s\n[services s]\nsts =\n  endpoint_url = http://127.0.0.1:7\n",
    ts: { serviceEndpointUrl: "http://127.0.0.1:7" },
  },
  {
    region: "us-west-2",
    env: {},
    config: "[default]\nendpoint_url = http://127.0.0.1:6\nservices = s\n[services s]\nsts =\n  endpoint_url = http://127.0.0.1:7\n",
    ts: { serviceEndpointUrl: "http://127.0.0.1:7", profileEndpointUrl: "http://127.0.0.1:6" },
  },
  { region: "us-west-2", env: {}, config: "[default]\nendpoint_url = http://127.0.0.1:6\n", ts: { profileEndpointUrl: "http://127.0.0.1:6" } },
];

function botocore(cases: unknown, home: string): Promise<{ url?: string; region?: string; error?: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "python3",
      ["-c", SCRIPT],
      { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))),
    );
    child.stdin!.end(JSON.stringify(cases));
  });
}

describe.skipIf(!hasBotocore)("resolveStsEndpoint agrees with botocore 1.43", () => {
  it("for every case", async () => {
    const home = await mkdtemp(join(tmpdir(), "credchain-sts-ep-"));
    try {
      const cases = await Promise.all(
        PARITY.map(async (c, i) => {
          const files = { AWS_CONFIG_FILE: join(home, `config-${i}`), AWS_SHARED_CREDENTIALS_FILE: join(home, "none") };
          await writeFile(files.AWS_CONFIG_FILE, c.config ?? "");
          return { region: c.region, env: { ...c.env, ...files } };
        }),
      );
      const expected = await botocore(cases, home);
      const ours = PARITY.map((c) => {
        try {
          const e = resolveStsEndpoint({ region: c.region, ...c.ts }, c.env);
          return { url: e.url.replace(/\/$/, ""), region: e.signingRegion };
        } catch (error) {
          const code = (error as { code?: string }).code;
          return { error: code === "NoRegion" ? "NoRegionError" : code === "InvalidConfig" ? "InvalidSTSRegionalEndpointsConfigError" : String(code) };
        }
      });
      expect(ours).toEqual(expected);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }, 40_000);
});
