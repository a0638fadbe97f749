import { describe, expect, it } from "vitest";
import { imdsUrl, resolveImdsEndpoint } from "../src/resolve-imds-endpoint.js";
import { failure } from "./helpers.js";

const profile = (values: Record<string, string>) => ({ name: "dev", values });
const resolve = async (...args: Parameters<typeof resolveImdsEndpoint>) => resolveImdsEndpoint(...args);

describe(resolveImdsEndpoint.name, () => {
  it("defaults to the IPv4 link-local address", () => {
    expect(resolveImdsEndpoint({})).toEqual({ url: "http://169.254.169.254/", mode: "ipv4", from: "default" });
  });

  it.each(["IPv6", "ipv6", "IPV6"])("mode %s (any case) gives http://[fd00:ec2::254]/", (mode) => {
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: mode })).toEqual({
      url: "http://[fd00:ec2::254]/",
      mode: "ipv6",
      from: "env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
    });
    expect(resolveImdsEndpoint({}, { endpointMode: mode }).url).toBe("http://[fd00:ec2::254]/");
    expect(resolveImdsEndpoint({}, { profileSettings: profile({ ec2_metadata_service_endpoint_mode: mode }) }).url).toBe("http://[fd00:ec2::254]/");
  });

  it("the env var wins over the profile's key, as botocore's config chain; an option wins over both", () => {
    const profileSettings = profile({ ec2_metadata_service_endpoint_mode: "IPv6", ec2_metadata_service_endpoint: "http://127.0.0.2:2/" });
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv4" }, { profileSettings }).mode).toBe("ipv4");
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:1/" }, { profileSettings }).url).toBe("http://127.0.0.1:1/");
    expect(resolveImdsEndpoint({}, { profileSettings })).toEqual({ url: "http://127.0.0.2:2/", mode: "ipv6", from: 'profile "dev" ec2_metadata_service_endpoint' });
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv6" }, { endpointMode: "IPv4" }).mode).toBe("ipv4");
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:1/" }, { endpoint: "http://127.0.0.2:2/" }).url).toBe("http://127.0.0.2:2/");
  });

  it("a custom endpoint wins over the mode", () => {
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:8080", AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv6" })).toEqual({
      url: "http://127.0.0.1:8080",
      mode: "ipv6",
      from: "env AWS_EC2_METADATA_SERVICE_ENDPOINT",
    });
    expect(resolveImdsEndpoint({}, { endpoint: "http://[::1]:9000/" }).from).toBe("option");
  });

  it("an empty endpoint means the default (botocore tests truthiness)", () => {
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "" }).url).toBe("http://169.254.169.254/");
  });

  it("imds_use_ipv6 picks IPv6 when no mode is set; the mode wins over it", () => {
    expect(resolveImdsEndpoint({ AWS_IMDS_USE_IPV6: "True" }).url).toBe("http://[fd00:ec2::254]/");
    expect(resolveImdsEndpoint({}, { useIpv6: true }).url).toBe("http://[fd00:ec2::254]/");
    expect(resolveImdsEndpoint({ AWS_IMDS_USE_IPV6: "false" }, { profileSettings: profile({ imds_use_ipv6: "true" }) }).url).toBe("http://169.254.169.254/");
    expect(resolveImdsEndpoint({ AWS_IMDS_USE_IPV6: "false" }, { useIpv6: true }).url).toBe("http://[fd00:ec2::254]/");
    expect(resolveImdsEndpoint({ AWS_IMDS_USE_IPV6: "true", AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "ipv4" }).mode).toBe("ipv4");
  });

  it.each([["IPv5"], [""], ["ipv4 "]])("mode %j is InvalidConfig naming the variable", async (mode) => {
    const error = await failure(resolve({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: mode }));
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", source: "iam-role", tryNextLink: false });
    expect(error.message).toBe(`env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE must be IPv4 or IPv6 (any case), got ${JSON.stringify(mode)}`);
  });

  it("a bad mode from the config file names the config key and the profile", async () => {
    const error = await failure(resolve({}, { profileSettings: profile({ ec2_metadata_service_endpoint_mode: "dual" }) }));
    expect(error).toMatchObject({ code: "InvalidConfig", key: "ec2_metadata_service_endpoint_mode" });
    expect(error).toMatchObject({ profile: "dev", message: 'profile "dev" ec2_metadata_service_endpoint_mode must be IPv4 or IPv6 (any case), got "dual"' });
    expect(await failure(resolve({}, { endpointMode: "dual" }))).toMatchObject({ code: "InvalidConfig", key: "ec2_metadata_service_endpoint_mode" });
  });

  it.each(["169.254.169.254", "http://", "http://bad_host/", "http://a\nb/", "not a url"])("endpoint %j is InvalidConfig", async (endpoint) => {
    const error = await failure(resolve({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint }));
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_EC2_METADATA_SERVICE_ENDPOINT" });
    expect(error.message).toBe(`env AWS_EC2_METADATA_SERVICE_ENDPOINT must be a URI with a DNS or IPv6 host, got ${JSON.stringify(endpoint)}`);
  });

  it.each(["http://localhost:1338", "http://imds.internal./", "https://[fd00:ec2::254]/", "http://127.0.0.1:80/prefix"])("endpoint %j is accepted", (endpoint) => {
    expect(resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint }).url).toBe(endpoint);
  });
});

describe(imdsUrl.name, () => {
  it("adds a slash only when the base lacks one", () => {
    expect(imdsUrl("http://169.254.169.254/", "latest/api/token")).toBe("http://169.254.169.254/latest/api/token");
    expect(imdsUrl("http://[fd00:ec2::254]/", "latest/api/token")).toBe("http://[fd00:ec2::254]/latest/api/token");
    expect(imdsUrl("http://127.0.0.1:8080/prefix", "latest/api/token")).toBe("http://127.0.0.1:8080/prefix/latest/api/token");
  });
});
