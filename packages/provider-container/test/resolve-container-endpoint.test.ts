import { spawnSync } from "node:child_process";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { resolveContainerEndpoint } from "../src/resolve-container-endpoint.js";

const ACCEPTED = [
  "http://127.0.0.1:8080/creds",
  "http://127.1.2.3/creds",
  "http://[::1]:9000/creds",
  "http://localhost/creds",
  "http://169.254.170.2/v2/credentials/abc",
  "http://169.254.170.23/v1/credentials",
  "http://[fd00:ec2::23]/v1/credentials",
  "https://creds.example.com/any",
  "https://10.1.2.3/any",
];
const REJECTED = [
  "http://creds.example.com/creds",
  "http://10.0.0.1/creds",
  "http://169.254.169.254/latest",
  "http://localhost.example.com/creds",
  "http://169.254.170.2@evil.example.com/creds",
  "http://[fd00:ec2::24]/creds",
];

describe(resolveContainerEndpoint.name, () => {
  it("is undefined when neither variable is set", () => {
    expect(resolveContainerEndpoint({})).toBeUndefined();
  });

  it("builds the RELATIVE_URI URL on 169.254.170.2 (without calling it)", () => {
    expect(resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/abc?x=1" })).toEqual({
      url: "http://169.254.170.2/v2/credentials/abc?x=1",
      envVar: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    });
  });

  it("prefers RELATIVE_URI over FULL_URI, and counts a variable set to an empty string", () => {
    expect(
      resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "", AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1/creds" }),
    ).toEqual({ url: "http://169.254.170.2/", envVar: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" });
  });

  it("refuses a RELATIVE_URI that smuggles in another host", () => {
    expect(() => resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "@evil.example.com/creds" })).toThrow(
      /unsupported host 'evil\.example\.com'/,
    );
  });

  it.each(ACCEPTED)("accepts FULL_URI %s", (url) => {
    expect(resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_FULL_URI: url })?.envVar).toBe("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  });

  it.each(REJECTED)("refuses FULL_URI %s with InvalidConfig", (url) => {
    let error: unknown;
    try {
      resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_FULL_URI: url });
    } catch (e) {
      error = e;
    }
    expect(CredchainError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "InvalidConfig", key: "AWS_CONTAINER_CREDENTIALS_FULL_URI", source: "container-role", tryNextLink: false });
    expect((error as Error).message).toMatch(/plain http is allowed only to a loopback address or 169\.254\.170\.2/);
  });

  it.each(["", "not a url", "ftp://localhost/creds"])("refuses FULL_URI %j with InvalidConfig", (url) => {
    expect(() => resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_FULL_URI: url })).toThrow(/AWS_CONTAINER_CREDENTIALS_FULL_URI/);
  });

  it("never shows a password from the URL", () => {
    expect(() => resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "ftp://user:hunter2@localhost/" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });

  const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
  it.skipIf(!hasBotocore)("accepts and refuses exactly the hosts botocore's ContainerMetadataFetcher does", () => {
    // Validation only: botocore raises before sending anything, so nothing leaves loopback.
    const script = `
import json, sys
from botocore.utils import ContainerMetadataFetcher
f = ContainerMetadataFetcher()
out = {}
for url in json.loads(sys.argv[1]):
    try:
        f._validate_allowed_url(url); out[url] = True
    except ValueError:
        out[url] = False
print(json.dumps(out))`;
    const urls = [...ACCEPTED, ...REJECTED];
    const run = spawnSync("python3", ["-c", script, JSON.stringify(urls)], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    const botocore = JSON.parse(run.stdout) as Record<string, boolean>;
    const ours = Object.fromEntries(
      urls.map((url) => {
        try {
          resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_FULL_URI: url });
          return [url, true];
        } catch {
          return [url, false];
        }
      }),
    );
    expect(ours).toEqual(botocore);
  });
});
