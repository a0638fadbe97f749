import { join } from "node:path";
import { startContainer, startImds, type ContainerEmulator, type ImdsEmulator } from "@credchain/emulator";
import { rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromContainerMetadata } from "../src/from-container-metadata.js";
import { fromHttp } from "../src/from-http.js";
import { fromInstanceMetadata } from "../src/from-instance-metadata.js";

let container: ContainerEmulator;
let imds: ImdsEmulator;
beforeAll(async () => {
  [container, imds] = await Promise.all([startContainer({ authorizationToken: "right-token" }), startImds({ allowV1: true })]);
});
afterAll(async () => {
  await container.close();
  await imds.close();
});

describe(fromHttp.name, () => {
  it("options stand in for the variables and win over them; the token file wins over the token", async () => {
    const home = await homeWith({ token: "right-token" });
    const env = { HOME: home.dir, AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:9/nothing-here", AWS_CONTAINER_AUTHORIZATION_TOKEN: "wrong" };
    const c = await fromHttp({ env, awsContainerCredentialsFullUri: container.fullUri, awsContainerAuthorizationTokenFile: join(home.dir, "token"), awsContainerAuthorizationToken: "wrong" })();
    expect(c).toMatchObject({ accessKeyId: container.credentials().accessKeyId, source: "container-role" });
  });

  it("maxRetries and timeout keep the SDK's meaning: retries after the first attempt, with timeout between them", async () => {
    container.fault("/creds", 500, { times: 2 });
    const start = container.requests.length;
    const began = Date.now();
    await fromHttp({ env: container.env, maxRetries: 2, timeout: 50 })();
    expect(container.requests.length - start).toBe(3);
    expect(Date.now() - began).toBeGreaterThanOrEqual(100);
    container.fault("/creds", 500, { times: 2 });
    expect(await rejection(fromHttp({ env: container.env, maxRetries: 1, timeout: 10 })())).toMatchObject({ code: "CredentialRetrieval" });
    container.clearFaults();
  });

  it("a URL botocore does not allow (plain HTTP to another host) is InvalidConfig", async () => {
    expect(await rejection(fromHttp({ env: {}, awsContainerCredentialsFullUri: "http://example.com/creds" })())).toMatchObject({ code: "InvalidConfig" });
  });

  it("refuses the browser-only options when made", () => {
    expect(() => fromHttp({ credentialsFullUri: "https://x" })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "credentialsFullUri" }));
    expect(() => fromHttp({ authorizationToken: "t" })).toThrow(expect.objectContaining({ key: "authorizationToken" }));
    expect(() => fromHttp({ maxRetries: -1 })).toThrow(expect.objectContaining({ key: "maxRetries" }));
  });
});

describe(fromContainerMetadata.name, () => {
  it("the container variables, with the SDK's timeout and retries", async () => {
    container.fault("/creds", 503, { times: 1 });
    expect(await rejection(fromContainerMetadata({ env: container.env, maxRetries: 0 })())).toMatchObject({ code: "CredentialRetrieval" });
    container.fault("/creds", 503, { times: 1 });
    await expect(fromContainerMetadata({ env: container.env, maxRetries: 1, timeout: 1000 })()).resolves.toMatchObject({ source: "container-role" });
    expect(() => fromContainerMetadata({ timeout: -5 })).toThrow(expect.objectContaining({ key: "timeout" }));
  });
});

describe(fromInstanceMetadata.name, () => {
  it("the profile's ec2_metadata_v1_disabled applies, and ec2MetadataV1Disabled wins over it", async () => {
    const home = await homeWith({ ".aws/config": "[profile strict]\nec2_metadata_v1_disabled = true\n" });
    const env = home.env({ ...imds.env, AWS_EC2_METADATA_DISABLED: "false" });
    // The token endpoint fails: only IMDSv1 could answer.
    imds.fault("/latest/api/token", 403);
    try {
      await expect(fromInstanceMetadata({ env })()).resolves.toMatchObject({ source: "iam-role" });
      expect(await rejection(fromInstanceMetadata({ env, profile: "strict" })())).toMatchObject({ code: "MetadataRetrieval" });
      expect(await rejection(fromInstanceMetadata({ env, ec2MetadataV1Disabled: true })())).toMatchObject({ code: "MetadataRetrieval" });
    } finally {
      imds.clearFaults();
    }
  });

  it("a config file that does not parse fails the call, and is read again on the next", async () => {
    const home = await homeWith({ ".aws/config": "[profile broken\n" });
    const provider = fromInstanceMetadata({ env: home.env({ ...imds.env, AWS_EC2_METADATA_DISABLED: "false" }) });
    expect(await rejection(provider())).toMatchObject({ code: "ConfigParse" });
    await home.write({ ".aws/config": "[default]\n" });
    await expect(provider()).resolves.toMatchObject({ source: "iam-role" });
  });
});
