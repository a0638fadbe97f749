import { describe, expect, it } from "vitest";
import { clientSettings, explicitProfile, explicitRegion, refuseSet } from "../src/client-config.js";
import { remoteNumbers } from "../src/remote-options.js";

describe(clientSettings.name, () => {
  it("keeps what credchain's clients honour; an endpoint may be a string, a URL or { url }", () => {
    expect(clientSettings("f", { region: "eu-west-1", maxAttempts: 2, endpoint: "http://127.0.0.1:1", useFipsEndpoint: true })).toMatchObject({
      region: "eu-west-1",
      maxAttempts: 2,
      endpointUrl: "http://127.0.0.1:1",
      useFipsEndpoint: true,
    });
    expect(clientSettings("f", { endpoint: new URL("http://127.0.0.1:2/") }).endpointUrl).toBe("http://127.0.0.1:2/");
    expect(clientSettings("f", { endpoint: { url: "http://127.0.0.1:3" } }).endpointUrl).toBe("http://127.0.0.1:3");
    expect(clientSettings("f", undefined)).toEqual({});
  });

  it("refuses every other key that is set, naming the function and the key, and saying why", () => {
    expect(() => clientSettings("fromIni", { requestHandler: {} })).toThrow(
      expect.objectContaining({ code: "InvalidConfig", key: "clientConfig.requestHandler", message: expect.stringContaining("transport") }),
    );
    expect(() => clientSettings("fromIni", { retryStrategy: {} })).toThrow(expect.objectContaining({ key: "clientConfig.retryStrategy", message: expect.stringMatching(/^fromIni: /) }));
    expect(() => clientSettings("fromWebToken", { systemClockOffset: 5 })).toThrow(expect.objectContaining({ key: "clientConfig.systemClockOffset" }));
    // Unset keys are fine.
    expect(clientSettings("f", { requestHandler: undefined })).toEqual(expect.objectContaining({ region: undefined }));
  });
});

describe(refuseSet.name, () => {
  it("refuses each named option that is set", () => {
    expect(() => refuseSet("fromSSO", { ssoClient: {} }, { ssoClient: "why" })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "ssoClient", message: expect.stringContaining("(why)") }));
    expect(() => refuseSet("fromSSO", { ssoClient: undefined }, { ssoClient: "why" })).not.toThrow();
    expect(() => refuseSet("fromSSO", undefined, { ssoClient: "why" })).not.toThrow();
  });
});

describe(explicitRegion.name, () => {
  it("clientConfig.region, then the outer client's, then the caller's; values or functions", async () => {
    const caller = { callerClientConfig: { region: async () => "caller-1", profile: "p-caller" } };
    expect(await explicitRegion({ region: () => "cfg-1" }, { parentClientConfig: { region: "parent-1" } }, caller)).toBe("cfg-1");
    expect(await explicitRegion({}, { parentClientConfig: { region: "parent-1" } }, caller)).toBe("parent-1");
    expect(await explicitRegion({}, {}, caller)).toBe("caller-1");
    expect(await explicitRegion({}, {}, undefined)).toBeUndefined();
    expect(explicitProfile({}, {}, caller)).toBe("p-caller");
    expect(explicitProfile({ profile: "p-cfg" }, {}, caller)).toBe("p-cfg");
  });
});

describe(remoteNumbers.name, () => {
  it("the SDK's timeout and retries as credchain's timeout and attempts, only when given", () => {
    expect(remoteNumbers("f", {})).toEqual({});
    expect(remoteNumbers("f", { timeout: 500, maxRetries: 0 })).toEqual({ timeoutMs: 500, maxAttempts: 1 });
  });

  it("a value that is no count or duration is InvalidConfig naming it", () => {
    expect(() => remoteNumbers("fromInstanceMetadata", { maxRetries: -1 })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "maxRetries" }));
    expect(() => remoteNumbers("fromInstanceMetadata", { maxRetries: 1.5 })).toThrow(expect.objectContaining({ key: "maxRetries" }));
    expect(() => remoteNumbers("fromHttp", { timeout: 0 })).toThrow(expect.objectContaining({ key: "timeout", message: expect.stringMatching(/^fromHttp: timeout/) }));
    expect(() => remoteNumbers("fromHttp", { timeout: "1000" as never })).toThrow(expect.objectContaining({ key: "timeout" }));
  });
});
