import { botocoreClientCalls, HAS_BOTOCORE } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { resolveCognitoEndpoint } from "../src/cognito-endpoint.js";

const resolve = (env: Record<string, string>, options = {}) => resolveCognitoEndpoint(options, { env, source: "cognito-identity" });

describe(resolveCognitoEndpoint.name, () => {
  it("a region from the option wins over AWS_REGION and AWS_DEFAULT_REGION", () => {
    expect(resolve({ AWS_REGION: "eu-west-1" }, { region: "ap-south-1" }).url).toBe("https://cognito-identity.ap-south-1.amazonaws.com");
    expect(resolve({ AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "us-west-2" }).url).toBe("https://cognito-identity.eu-west-1.amazonaws.com");
    expect(resolve({ AWS_DEFAULT_REGION: "cn-north-1" }).url).toBe("https://cognito-identity.cn-north-1.amazonaws.com.cn");
  });

  it("no region, even with a custom endpoint: NoRegion", () => {
    expect(() => resolve({})).toThrow(expect.objectContaining({ code: "NoRegion" }));
    expect(() => resolve({ AWS_ENDPOINT_URL_COGNITO_IDENTITY: "http://127.0.0.1:9" })).toThrow(expect.objectContaining({ code: "NoRegion" }));
  });

  it("a region that is no host label is refused before any request", () => {
    expect(() => resolve({}, { region: "evil.com/x" })).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
  });

  it("a custom endpoint: the option, then AWS_ENDPOINT_URL_COGNITO_IDENTITY, then AWS_ENDPOINT_URL", () => {
    const env = { AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL: "http://all", AWS_ENDPOINT_URL_COGNITO_IDENTITY: "http://cognito" };
    expect(resolve(env, { endpointUrl: "http://code" }).url).toBe("http://code");
    expect(resolve(env).url).toBe("http://cognito");
    expect(resolve({ AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL: "http://all" }).url).toBe("http://all");
  });

  const CASES: Record<string, string>[] = [
    ...["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1"].flatMap((region) =>
      ([
        {},
        { AWS_USE_FIPS_ENDPOINT: "true" },
        { AWS_USE_DUALSTACK_ENDPOINT: "true" },
        { AWS_USE_FIPS_ENDPOINT: "true", AWS_USE_DUALSTACK_ENDPOINT: "true" },
      ] as Record<string, string>[]).map((flags) => ({ ...flags, AWS_DEFAULT_REGION: region })),
    ),
  ];

  it.skipIf(!HAS_BOTOCORE)("regional, FIPS and dual-stack hosts as botocore's cognito-identity client", async () => {
    const botocore = await botocoreClientCalls(CASES.map((env) => ({ service: "cognito-identity" as const, env })));
    expect(CASES.map((env) => `${resolve(env).url}/`)).toEqual(botocore.map((b) => b.url));
  });
});
