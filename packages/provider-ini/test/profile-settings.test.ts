import { REGION, resolveEndpointUrl, resolveSetting } from "@credchain/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSharedConfig, type SharedConfig } from "../src/load-shared-config.js";
import { profileSettings } from "../src/profile-settings.js";
import { makeHome, type TestHome } from "./home.js";

let home: TestHome;
let config: SharedConfig;
beforeAll(async () => {
  home = await makeHome();
  await home.write({
    ".aws/config": "[profile dev]\nregion = eu-west-1\nservices = local\n[services local]\nsts =\n  endpoint_url = http://127.0.0.1:4566\n",
    ".aws/credentials": "[dev]\nregion = from-credentials\n",
  });
  config = await loadSharedConfig({ env: { HOME: home.dir } });
});
afterAll(() => home.remove());

describe(profileSettings.name, () => {
  it("is the profile as botocore's scoped config (credentials-file keys over config keys) and the services sections", () => {
    const settings = profileSettings(config, "dev");
    expect(settings).toMatchObject({ name: "dev", file: config.configFile.path });
    expect(resolveSetting(REGION, { env: {}, profile: settings })).toEqual({ value: "from-credentials", from: 'profile "dev" region' });
    expect(resolveEndpointUrl("sts", { env: {}, profile: settings })).toEqual({ value: "http://127.0.0.1:4566", from: 'services "local" sts.endpoint_url' });
  });

  it("is empty for a profile in neither file (the implicit default)", () => {
    expect(profileSettings(config, "default").values).toEqual({});
    expect(profileSettings(config, "constructor").values).toEqual({});
  });
});
