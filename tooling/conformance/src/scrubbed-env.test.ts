import { describe, expect, it } from "vitest";
import { isLoopbackUrl, isRefusedHostUrl, scrubbedEnv } from "./scrubbed-env.js";

describe(scrubbedEnv.name, () => {
  it("holds PATH, HOME, AWS_EC2_METADATA_DISABLED and the scenario's vars, nothing else", () => {
    const env = scrubbedEnv({ AWS_PROFILE: "dev", X: "{{HOME}}/x" }, "/tmp/h", "/bin");
    expect(env).toEqual({
      PATH: "/bin",
      HOME: "/tmp/h",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_PROFILE: "dev",
      X: "/tmp/h/x",
    });
  });

  it("does not let a scenario replace HOME or PATH", () => {
    const env = scrubbedEnv({ HOME: "/root", PATH: "/evil" }, "/tmp/h", "/bin");
    expect(env.HOME).toBe("/tmp/h");
    expect(env.PATH).toBe("/bin");
  });

  it("keeps IMDS enabled only for a loopback endpoint", () => {
    const env = scrubbedEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:8080" }, "/tmp/h", "/bin");
    expect(env.AWS_EC2_METADATA_DISABLED).toBeUndefined();
    expect(() => scrubbedEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://169.254.169.254" }, "/tmp/h")).toThrow(/loopback/);
    expect(() => scrubbedEnv({ AWS_EC2_METADATA_DISABLED: "false" }, "/tmp/h")).toThrow(/loopback/);
  });

  it("lets STS endpoints point only at loopback", () => {
    expect(scrubbedEnv({ AWS_ENDPOINT_URL_STS: "{{STS_URL}}" }, { HOME: "/tmp/h", STS_URL: "http://127.0.0.1:4002" }, "/bin").AWS_ENDPOINT_URL_STS)
      .toBe("http://127.0.0.1:4002");
    expect(() => scrubbedEnv({ AWS_ENDPOINT_URL_STS: "https://sts.amazonaws.com" }, "/tmp/h")).toThrow(/loopback/);
    expect(() => scrubbedEnv({ AWS_ENDPOINT_URL: "https://sts.us-east-1.amazonaws.com" }, "/tmp/h")).toThrow(/loopback/);
  });

  it("lets the SSO portal and SSO-OIDC endpoints point only at loopback", () => {
    const values = { HOME: "/tmp/h", SSO_URL: "http://127.0.0.1:4003", SSO_OIDC_URL: "http://127.0.0.1:4004" };
    const env = scrubbedEnv({ AWS_ENDPOINT_URL_SSO: "{{SSO_URL}}", AWS_ENDPOINT_URL_SSO_OIDC: "{{SSO_OIDC_URL}}" }, values, "/bin");
    expect([env.AWS_ENDPOINT_URL_SSO, env.AWS_ENDPOINT_URL_SSO_OIDC]).toEqual(["http://127.0.0.1:4003", "http://127.0.0.1:4004"]);
    expect(() => scrubbedEnv({ AWS_ENDPOINT_URL_SSO: "https://portal.sso.eu-west-1.amazonaws.com" }, "/tmp/h")).toThrow(/loopback/);
    expect(() => scrubbedEnv({ AWS_ENDPOINT_URL_SSO_OIDC: "https://oidc.eu-west-1.amazonaws.com" }, "/tmp/h")).toThrow(/loopback/);
    // A placeholder of an emulator the scenario does not start stays literal: refused too.
    expect(() => scrubbedEnv({ AWS_ENDPOINT_URL_SSO_OIDC: "{{SSO_OIDC_URL}}" }, "/tmp/h")).toThrow(/loopback/);
  });

  it("keeps IMDS enabled for an IMDS emulator, whose endpoint may come from a config file", () => {
    expect(scrubbedEnv({}, "/tmp/h", "/bin", { imdsEmulator: true }).AWS_EC2_METADATA_DISABLED).toBeUndefined();
    expect(scrubbedEnv({ AWS_EC2_METADATA_DISABLED: "true" }, "/tmp/h", "/bin", { imdsEmulator: true }).AWS_EC2_METADATA_DISABLED).toBe("true");
    expect(scrubbedEnv({}, "/tmp/h", "/bin", { imdsEmulator: false }).AWS_EC2_METADATA_DISABLED).toBe("true");
  });

  it("substitutes the emulator placeholders before checking for loopback", () => {
    const values = { HOME: "/tmp/h", IMDS_URL: "http://127.0.0.1:4000", CONTAINER_URL: "http://127.0.0.1:4001/creds" };
    const env = scrubbedEnv(
      { AWS_EC2_METADATA_SERVICE_ENDPOINT: "{{IMDS_URL}}", AWS_CONTAINER_CREDENTIALS_FULL_URI: "{{CONTAINER_URL}}" },
      values,
      "/bin",
    );
    expect(env).toMatchObject({ HOME: "/tmp/h", AWS_EC2_METADATA_SERVICE_ENDPOINT: values.IMDS_URL, AWS_CONTAINER_CREDENTIALS_FULL_URI: values.CONTAINER_URL });
    expect(() => scrubbedEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "{{IMDS_URL}}" }, { HOME: "/tmp/h", IMDS_URL: "http://10.0.0.1" })).toThrow(/loopback/);
  });

  it("allows a FULL_URI on TEST-NET-1 (never routed) for the host-not-allowed scenarios, nothing else", () => {
    expect(scrubbedEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://192.0.2.1/creds" }, "/tmp/h").AWS_CONTAINER_CREDENTIALS_FULL_URI).toBe("http://192.0.2.1/creds");
    expect(() => scrubbedEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "https://192.0.2.1/creds" }, "/tmp/h")).toThrow(/loopback/);
    expect(() => scrubbedEnv({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://192.0.2.1/" }, "/tmp/h")).toThrow(/loopback/);
  });

  it("refuses container settings that reach 169.254.170.2 or any non-loopback host", () => {
    expect(() => scrubbedEnv({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/creds" }, "/tmp/h")).toThrow(/169\.254\.170\.2/);
    expect(() => scrubbedEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://10.0.0.1/creds" }, "/tmp/h")).toThrow(/loopback/);
    expect(scrubbedEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://localhost:1/c" }, "/tmp/h").AWS_CONTAINER_CREDENTIALS_FULL_URI)
      .toBe("http://localhost:1/c");
  });
});

describe(isLoopbackUrl.name, () => {
  it.each([
    ["http://127.0.0.1:80/x", true],
    ["http://127.1.2.3/", true],
    ["http://[::1]:9/", true],
    ["http://localhost/", true],
    ["http://169.254.169.254/", false],
    ["http://example.com/", false],
    ["not a url", false],
  ])("%s → %s", (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });
});

describe(isRefusedHostUrl.name, () => {
  it.each([
    ["http://192.0.2.1/creds", true],
    ["http://192.0.2.254:80/", true],
    ["https://192.0.2.1/", false],
    ["http://192.0.20.1/", false],
    ["http://169.254.170.2/", false],
    ["nonsense", false],
  ])("%s → %s", (url, refused) => {
    expect(isRefusedHostUrl(url)).toBe(refused);
  });
});
