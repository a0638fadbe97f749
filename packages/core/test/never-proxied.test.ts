import { describe, expect, it } from "vitest";
import { isNeverProxied } from "../src/never-proxied.js";

describe(isNeverProxied.name, () => {
  it.each([
    "169.254.169.254",
    "169.254.170.2",
    "169.254.170.23",
    "[fd00:ec2::254]",
    "fd00:ec2::254",
    "[fd00:ec2::23]",
    "127.0.0.1",
    "127.1.2.3",
    "[::1]",
    "localhost",
    "LOCALHOST.",
    "api.localhost",
    "[fe80::1]",
    "[::ffff:7f00:1]", // ::ffff:127.0.0.1 as URL writes it
    "[::ffff:a9fe:a9fe]", // ::ffff:169.254.169.254
  ])("never proxies %s", (host) => {
    expect(isNeverProxied(host)).toBe(true);
  });

  it.each(["sts.amazonaws.com", "sts.example.test", "10.0.0.1", "169.255.0.1", "128.0.0.1", "[fd00:ec2::255]", "localhost.evil.com", "[::ffff:a00:1]"])(
    "may proxy %s",
    (host) => {
      expect(isNeverProxied(host)).toBe(false);
    },
  );

  it("agrees with how URL writes each endpoint", () => {
    for (const url of ["http://169.254.169.254/latest", "http://[fd00:ec2::254]/latest", "http://[FD00:EC2:0::23]/", "http://[::ffff:127.0.0.1]:8080/"]) {
      expect(isNeverProxied(new URL(url).hostname)).toBe(true);
    }
  });
});
