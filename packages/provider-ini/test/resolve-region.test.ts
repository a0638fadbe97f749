import { CredchainError } from "@credchain/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSharedConfig } from "../src/load-shared-config.js";
import { resolveRegion } from "../src/resolve-region.js";
import { makeHome, type TestHome } from "./home.js";

let home: TestHome;
beforeEach(async () => {
  home = await makeHome();
  await home.write({
    ".aws/config": "[default]\nregion = cfg-default\n[profile dev]\nregion = cfg-dev\n[profile sub]\nregion =\n  x = 1\n",
    ".aws/credentials": "[creds]\nregion = from-credentials\n",
  });
});
afterEach(async () => {
  await home.remove();
});
const env = (extra: Record<string, string> = {}) => ({ HOME: home.dir, ...extra });

describe(resolveRegion.name, () => {
  it("reads AWS_REGION first (botocore does not), then AWS_DEFAULT_REGION, then the profile", async () => {
    expect(await resolveRegion({ env: env({ AWS_REGION: "a", AWS_DEFAULT_REGION: "b" }) })).toBe("a");
    expect(await resolveRegion({ env: env({ AWS_REGION: "", AWS_DEFAULT_REGION: "b" }) })).toBe("b");
    expect(await resolveRegion({ env: env() })).toBe("cfg-default");
    expect(await resolveRegion({ env: env({ AWS_PROFILE: "dev" }) })).toBe("cfg-dev");
    expect(await resolveRegion({ env: env(), profile: "creds" })).toBe("from-credentials");
  });

  it("gives no region for AWS_DEFAULT_REGION set to empty, without reading the profile", async () => {
    expect(await resolveRegion({ env: env({ AWS_DEFAULT_REGION: "" }) })).toBeUndefined();
  });

  it("gives no region when the implicit default profile is missing or has none", async () => {
    expect(await resolveRegion({ env: { HOME: "/nonexistent-home" } })).toBeUndefined();
    expect(await resolveRegion({ env: env(), profile: "sub" })).toBeUndefined();
  });

  it("throws ProfileNotFound for a selected profile that does not exist", async () => {
    const error = await resolveRegion({ env: env(), profile: "nope" }).catch((e: unknown) => e);
    expect(CredchainError.isInstance(error) && error.code).toBe("ProfileNotFound");
  });

  it("uses preloaded shared config", async () => {
    const sharedConfig = await loadSharedConfig({ env: env() });
    const readFile = async () => {
      throw new Error("read again");
    };
    expect(await resolveRegion({ env: env(), profile: "dev", sharedConfig, readFile })).toBe("cfg-dev");
  });
});
