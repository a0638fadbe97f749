import { describe, expect, it } from "vitest";
import { profileLayer as layer } from "./profile-layer.js";
import { resolveEndpointUrl } from "../src/resolve-endpoint-url.js";

describe(resolveEndpointUrl.name, () => {
  const profile = layer("[default]\nendpoint_url = http://profile\nservices = corp\n[services corp]\nsts =\n  endpoint_url = http://services-sts\n");

  it("takes code, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the services section, the profile", () => {
    const env = { AWS_ENDPOINT_URL_STS: "http://env-sts", AWS_ENDPOINT_URL: "http://env-all" };
    expect(resolveEndpointUrl("sts", { env, profile }, "http://code")).toMatchObject({ value: "http://code", from: "option" });
    expect(resolveEndpointUrl("sts", { env, profile })).toMatchObject({ value: "http://env-sts", from: "env AWS_ENDPOINT_URL_STS" });
    expect(resolveEndpointUrl("sts", { env: { ...env, AWS_ENDPOINT_URL_STS: "" }, profile }).from).toBe("env AWS_ENDPOINT_URL");
    expect(resolveEndpointUrl("sts", { env: {}, profile })).toMatchObject({ value: "http://services-sts", from: 'services "corp" sts.endpoint_url' });
    expect(resolveEndpointUrl("sso_oidc", { env: {}, profile })).toMatchObject({ value: "http://profile", from: 'profile "default" endpoint_url' });
    expect(resolveEndpointUrl("sso_oidc", { env: { AWS_ENDPOINT_URL_SSO_OIDC: "http://oidc" }, profile }).value).toBe("http://oidc");
    expect(resolveEndpointUrl("sts", { env: {} })).toEqual({ value: undefined, from: "default" });
  });

  it("ignores all but the one in code when ignore_configured_endpoint_urls is true (env, profile or option)", () => {
    const env = { AWS_ENDPOINT_URL_STS: "http://env-sts", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "True" };
    expect(resolveEndpointUrl("sts", { env, profile }).value).toBeUndefined();
    expect(resolveEndpointUrl("sts", { env, profile }, "http://code").value).toBe("http://code");
    const ignoring = layer("[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://profile\n");
    expect(resolveEndpointUrl("sts", { env: { AWS_ENDPOINT_URL: "http://env" }, profile: ignoring }).value).toBeUndefined();
    expect(resolveEndpointUrl("sts", { env: { AWS_ENDPOINT_URL: "http://env" }, profile: ignoring }, undefined, false).value).toBe("http://env");
  });

  it("fails like botocore when the profile names a services section that is missing or empty, once it is looked up", () => {
    for (const text of ["[default]\nservices = nope\n", "[default]\nservices = empty\n[services empty]\n"]) {
      const p = layer(text);
      expect(() => resolveEndpointUrl("sts", { env: {}, profile: p })).toThrow(
        expect.objectContaining({ code: "InvalidConfig", key: "services", message: expect.stringContaining("services configuration does not exist") }),
      );
      // An endpoint from env decides first: the section is never looked up.
      expect(resolveEndpointUrl("sts", { env: { AWS_ENDPOINT_URL: "http://env" }, profile: p }).value).toBe("http://env");
    }
  });
});

