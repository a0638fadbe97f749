import { describe, expect, it } from "vitest";
import { resolveSigninEndpoint } from "../src/signin-endpoint.js";

describe(resolveSigninEndpoint.name, () => {
  // Each host is what botocore 1.43's signin client sends CreateOAuth2Token to.
  it.each([
    ["eu-west-1", "https://eu-west-1.signin.aws.amazon.com"],
    ["xx-yy-1", "https://xx-yy-1.signin.aws.amazon.com"],
    ["aws-global", "https://aws-global.signin.aws.amazon.com"],
    ["cn-north-1", "https://cn-north-1.signin.amazonaws.cn"],
    ["us-gov-west-1", "https://us-gov-west-1.signin.amazonaws-us-gov.com"],
    ["us-iso-east-1", "https://signin.us-iso-east-1.c2s.ic.gov"],
    ["us-isob-east-1", "https://signin.us-isob-east-1.sc2s.sgov.gov"],
    ["eu-isoe-west-1", "https://signin.eu-isoe-west-1.cloud.adc-e.uk"],
    ["us-isof-south-1", "https://signin.us-isof-south-1.csp.hci.ic.gov"],
    ["eusc-de-east-1", "https://signin.eusc-de-east-1.amazonaws.eu"],
  ])("%s → %s", (region, url) => {
    expect(resolveSigninEndpoint(region, {})).toBe(url);
  });

  it("takes the option, then AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, unless ignored", () => {
    const env = { AWS_ENDPOINT_URL_SIGNIN: "http://127.0.0.1:9/pre/", AWS_ENDPOINT_URL: "http://127.0.0.1:8" };
    expect(resolveSigninEndpoint("eu-west-1", env, "http://explicit/")).toBe("http://explicit");
    expect(resolveSigninEndpoint("eu-west-1", env)).toBe("http://127.0.0.1:9/pre");
    expect(resolveSigninEndpoint("eu-west-1", { AWS_ENDPOINT_URL: "http://127.0.0.1:8" })).toBe("http://127.0.0.1:8");
    expect(resolveSigninEndpoint("eu-west-1", { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE" })).toBe("https://eu-west-1.signin.aws.amazon.com");
  });

  it("reads the session profile's services section (signin) and endpoint_url below the variables", () => {
    const profile = { name: "dev", values: { services: "corp" }, services: { corp: { signin: { endpoint_url: "http://127.0.0.1:7/" } } } };
    expect(resolveSigninEndpoint("eu-west-1", {}, undefined, profile)).toBe("http://127.0.0.1:7");
    expect(resolveSigninEndpoint("eu-west-1", { AWS_ENDPOINT_URL: "http://127.0.0.1:8" }, undefined, profile)).toBe("http://127.0.0.1:8");
  });

  it("refuses a region that is not a host label, even with an endpoint (botocore's InvalidRegionError)", () => {
    expect(() => resolveSigninEndpoint("a/b", {})).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "region" }));
    expect(() => resolveSigninEndpoint("a_b", { AWS_ENDPOINT_URL_SIGNIN: "http://x" })).toThrow(/not a valid region name/);
  });
});
