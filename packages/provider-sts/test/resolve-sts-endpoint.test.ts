import { botocoreClientCalls, HAS_BOTOCORE } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { parseConfig, type ProfileSettings } from "@credchain/core";
import { resolveStsEndpoint, type StsEndpointConfig } from "../src/resolve-sts-endpoint.js";

/** The `[default]` profile of a config text and its `[services]` sections, as provider-ini's profileSettings. */
function settingsOf(text: string): ProfileSettings {
  const sections = parseConfig(text, { file: "/cfg" });
  const services = Object.fromEntries(Object.entries(sections).flatMap(([k, v]) => (k.startsWith("services ") ? [[k.slice(9), v]] : [])));
  return { name: "default", values: sections.default ?? {}, services, file: "/cfg" };
}

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

  it("defaultRegion applies only when the option, env and the profile name no region", () => {
    expect(resolveStsEndpoint({ defaultRegion: "us-east-1" }, {})).toEqual({ url: "https://sts.us-east-1.amazonaws.com", signingRegion: "us-east-1", from: "rules" });
    expect(resolveStsEndpoint({ defaultRegion: "us-east-1" }, { AWS_REGION: "eu-west-1" }).url).toBe("https://sts.eu-west-1.amazonaws.com");
    expect(resolveStsEndpoint({ defaultRegion: "us-east-1", region: "ap-south-1" }, {}).url).toBe("https://sts.ap-south-1.amazonaws.com");
    expect(resolveStsEndpoint({ defaultRegion: "us-east-1", profileSettings: settingsOf("[default]\nregion = ca-central-1\n") }, {}).url).toBe("https://sts.ca-central-1.amazonaws.com");
    // A custom endpoint is signed for it rather than failing with NoRegion.
    expect(resolveStsEndpoint({ defaultRegion: "us-east-1" }, { AWS_ENDPOINT_URL: "http://127.0.0.1:8" }).signingRegion).toBe("us-east-1");
  });

  it("custom endpoints: code, then AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, services, the profile", () => {
    const profileSettings = settingsOf("[default]\nendpoint_url = http://profile\nservices = s\n[services s]\nsts =\n  endpoint_url = http://services\n");
    const all = { endpointUrl: "http://code", profileSettings, region: "eu-west-1" };
    const env = { AWS_ENDPOINT_URL_STS: "http://env-sts/x", AWS_ENDPOINT_URL: "http://env-all" };
    expect(resolveStsEndpoint(all, env)).toEqual({ url: "http://code", signingRegion: "eu-west-1", from: "option" });
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, env)).toMatchObject({ url: "http://env-sts/x", from: "env AWS_ENDPOINT_URL_STS" });
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, { ...env, AWS_ENDPOINT_URL_STS: "" }).url).toBe("http://env-all");
    expect(resolveStsEndpoint({ ...all, endpointUrl: undefined }, {})).toMatchObject({ url: "http://services", from: 'services "s" sts.endpoint_url' });
    expect(resolveStsEndpoint({ region: "eu-west-1", profileSettings: settingsOf("[default]\nendpoint_url = http://profile\n") }, {}).from).toBe('profile "default" endpoint_url');
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
    expect(() => resolveStsEndpoint({ region: "us-east-1", profileSettings: settingsOf("[default]\nservices = gone\n") }, {})).toThrow(
      expect.objectContaining({ code: "InvalidConfig", key: "services" }),
    );
  });

  it("reads the region and every switch as the option, then env, then the profile (standalone too)", () => {
    expect(resolveStsEndpoint({}, { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-west-2" }).url).toBe("https://sts.eu-west-1.amazonaws.com");
    expect(resolveStsEndpoint({}, { AWS_DEFAULT_REGION: "eu-west-2" }).url).toBe("https://sts.eu-west-2.amazonaws.com");
    expect(resolveStsEndpoint({}, { AWS_DEFAULT_REGION: "" }, undefined).url).toBe("https://sts.amazonaws.com");
    expect(resolveStsEndpoint({ region: "ca-central-1" }, { AWS_REGION: "eu-west-1" }).url).toBe("https://sts.ca-central-1.amazonaws.com");
    const profileSettings = settingsOf("[default]\nregion = ap-south-1\nsts_regional_endpoints = legacy\nuse_fips_endpoint = true\n");
    expect(resolveStsEndpoint({ profileSettings }, {}).url).toBe("https://sts-fips.ap-south-1.amazonaws.com");
    expect(resolveStsEndpoint({ profileSettings }, { AWS_USE_FIPS_ENDPOINT: "false" }).url).toBe("https://sts.amazonaws.com");
    expect(resolveStsEndpoint({ profileSettings }, { AWS_USE_FIPS_ENDPOINT: "false", AWS_STS_REGIONAL_ENDPOINTS: "regional" }).url).toBe("https://sts.ap-south-1.amazonaws.com");
    expect(resolveStsEndpoint({ profileSettings, useFipsEndpoint: false, stsRegionalEndpoints: "regional" }, { AWS_USE_FIPS_ENDPOINT: "true" }).url).toBe(
      "https://sts.ap-south-1.amazonaws.com",
    );
  });
});

// The same cases through botocore itself: the URL it would call and the region it signs for.
const PARITY: { region?: string; env: Record<string, string>; config?: string }[] = [
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
  },
  {
    region: "us-west-2",
    env: {},
    config: "[default]\nendpoint_url = http://127.0.0.1:6\nservices = s\n[services s]\nsts =\n  endpoint_url = http://127.0.0.1:7\n",
  },
  { region: "us-west-2", env: {}, config: "[default]\nendpoint_url = http://127.0.0.1:6\n" },
  // The profile's settings under the env vars, as botocore's config chain reads them.
  { env: {}, config: "[default]\nregion = eu-central-1\n" },
  { env: { AWS_DEFAULT_REGION: "eu-west-3" }, config: "[default]\nregion = eu-central-1\n" },
  { env: {}, config: "[default]\nregion = us-west-2\nsts_regional_endpoints = legacy\n" },
  { env: { AWS_STS_REGIONAL_ENDPOINTS: "regional" }, config: "[default]\nregion = us-west-2\nsts_regional_endpoints = legacy\n" },
  { env: { AWS_STS_REGIONAL_ENDPOINTS: "legacy" }, config: "[default]\nregion = us-west-2\nsts_regional_endpoints = bogus\n" },
  { env: {}, config: "[default]\nregion = us-west-2\nsts_regional_endpoints = bogus\n" },
  { env: {}, config: "[default]\nregion = eu-west-1\nuse_fips_endpoint = true\n" },
  { env: { AWS_USE_FIPS_ENDPOINT: "false" }, config: "[default]\nregion = eu-west-1\nuse_fips_endpoint = true\n" },
  { env: {}, config: "[default]\nregion = eu-west-1\nuse_dualstack_endpoint = TRUE\n" },
  { env: { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9" }, config: "[default]\nregion = eu-west-1\nignore_configured_endpoint_urls = true\n" },
  { env: {}, config: "[default]\nregion = eu-west-1\nservices = gone\n" },
  { env: { AWS_ENDPOINT_URL: "http://127.0.0.1:8" }, config: "[default]\nregion = eu-west-1\nservices = gone\n" },
  { region: "123", env: {} },
];

describe.skipIf(!HAS_BOTOCORE)("resolveStsEndpoint agrees with botocore 1.43", () => {
  it("for every case", async () => {
    const theirs = await botocoreClientCalls(PARITY.map((c) => ({ service: "sts", ...c })));
    const ours = PARITY.map((c) => {
      try {
        const e = resolveStsEndpoint({ region: c.region, profileSettings: settingsOf(c.config ?? "") }, c.env);
        return { url: new URL(e.url).href, signingRegion: e.signingRegion, maxAttempts: null };
      } catch (error) {
        const { code, key } = error as { code?: string; key?: string };
        const invalid = key === "region" ? "InvalidRegionError" : key === "services" ? "InvalidConfigError" : "InvalidSTSRegionalEndpointsConfigError";
        return { error: code === "NoRegion" ? "NoRegionError" : code === "InvalidConfig" ? invalid : String(code) };
      }
    });
    expect(ours).toEqual(theirs);
  }, 40_000);
});
