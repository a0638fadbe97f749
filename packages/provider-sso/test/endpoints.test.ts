import { describe, expect, it } from "vitest";
import { resolveSsoEndpoint } from "../src/endpoints.js";

describe(resolveSsoEndpoint.name, () => {
  it("defaults to the regional endpoints botocore uses", () => {
    expect(resolveSsoEndpoint("portal", "eu-west-1", {})).toBe("https://portal.sso.eu-west-1.amazonaws.com");
    expect(resolveSsoEndpoint("oidc", "eu-west-1", {})).toBe("https://oidc.eu-west-1.amazonaws.com");
    expect(resolveSsoEndpoint("portal", "cn-north-1", {})).toBe("https://portal.sso.cn-north-1.amazonaws.com.cn");
    expect(resolveSsoEndpoint("portal", "us-gov-west-1", {})).toBe("https://portal.sso.us-gov-west-1.amazonaws.com");
    // The partition's domain, as botocore's rules (it was amazonaws.com for every region but cn-*).
    expect(resolveSsoEndpoint("portal", "us-iso-east-1", {})).toBe("https://portal.sso.us-iso-east-1.c2s.ic.gov");
    expect(resolveSsoEndpoint("oidc", "eusc-de-east-1", {})).toBe("https://oidc.eusc-de-east-1.amazonaws.eu");
  });

  it("reads the session profile's services section and endpoint_url below the variables", () => {
    const profile = {
      name: "dev",
      values: { services: "corp", endpoint_url: "http://profile/" },
      services: { corp: { sso_oidc: { endpoint_url: "http://services-oidc" } } },
    };
    expect(resolveSsoEndpoint("oidc", "eu-west-1", {}, undefined, profile)).toBe("http://services-oidc");
    expect(resolveSsoEndpoint("portal", "eu-west-1", {}, undefined, profile)).toBe("http://profile");
    expect(resolveSsoEndpoint("portal", "eu-west-1", { AWS_ENDPOINT_URL_SSO: "http://env" }, undefined, profile)).toBe("http://env");
    expect(resolveSsoEndpoint("portal", "eu-west-1", { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }, undefined, profile)).toBe("https://portal.sso.eu-west-1.amazonaws.com");
  });

  it("takes the option, then the service variable, then AWS_ENDPOINT_URL", () => {
    const env = { AWS_ENDPOINT_URL: "http://all", AWS_ENDPOINT_URL_SSO: "http://sso/", AWS_ENDPOINT_URL_SSO_OIDC: "http://oidc" };
    expect(resolveSsoEndpoint("portal", "r", env, "http://explicit")).toBe("http://explicit");
    expect(resolveSsoEndpoint("portal", "r", env)).toBe("http://sso");
    expect(resolveSsoEndpoint("oidc", "r", env)).toBe("http://oidc");
    expect(resolveSsoEndpoint("oidc", "r", { AWS_ENDPOINT_URL: "http://all" })).toBe("http://all");
  });

  it("ignores the variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true", () => {
    expect(resolveSsoEndpoint("portal", "eu-west-1", { AWS_ENDPOINT_URL_SSO: "http://sso", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE" })).toBe(
      "https://portal.sso.eu-west-1.amazonaws.com",
    );
  });

  it("refuses a region that is not a host label", () => {
    expect(() => resolveSsoEndpoint("portal", "evil.example/x", {})).toThrow(/not a valid region name/);
  });
});
