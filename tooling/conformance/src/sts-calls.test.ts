import type { StsCall } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { compareWithBotocore } from "./compare.js";
import { GENERATED_SESSION_NAME, compareStsCalls, stsCallGraph } from "./sts-calls.js";

const call = (over: Partial<StsCall>): StsCall => ({
  action: "AssumeRole",
  accessKeyId: "AKIAEMULATORUSER0001",
  params: { RoleArn: "arn:aws:iam::123456789012:role/dev", RoleSessionName: "botocore-session-1767225600" },
  status: 200,
  time: 0,
  ...over,
});

describe(stsCallGraph.name, () => {
  it("keeps action, caller key, sorted params and error code; normalises a generated session name only", () => {
    const graph = stsCallGraph([
      call({ params: { RoleSessionName: "botocore-session-1767225600", RoleArn: "arn:r", DurationSeconds: "900" } }),
      call({ action: "AssumeRoleWithWebIdentity", accessKeyId: undefined, params: { RoleSessionName: "pod" }, status: 400, errorCode: "InvalidIdentityToken" }),
    ]);
    expect(graph).toEqual([
      { action: "AssumeRole", accessKeyId: "AKIAEMULATORUSER0001", params: { DurationSeconds: "900", RoleArn: "arn:r", RoleSessionName: GENERATED_SESSION_NAME } },
      { action: "AssumeRoleWithWebIdentity", params: { RoleSessionName: "pod" }, errorCode: "InvalidIdentityToken" },
    ]);
    expect(Object.keys(graph[0]!.params)).toEqual(["DurationSeconds", "RoleArn", "RoleSessionName"]);
    expect(stsCallGraph([call({ params: { RoleSessionName: "botocore-session-abc" } })])[0]!.params.RoleSessionName).toBe("botocore-session-abc");
  });
});

describe(compareStsCalls.name, () => {
  it("names each call that differs, and a missing or extra call", () => {
    const [a, b] = [stsCallGraph([call({})])[0]!, stsCallGraph([call({ accessKeyId: "ASIASTSEMULATOR00001" })])[0]!];
    expect(compareStsCalls([a], [a])).toEqual([]);
    expect(compareStsCalls([a], [b])).toEqual([`StsCalls[0]: botocore ${JSON.stringify(a)}, credchain ${JSON.stringify(b)}`]);
    expect(compareStsCalls([a, a], [a])).toEqual([`StsCalls[1]: botocore ${JSON.stringify(a)}, credchain (no call)`]);
    expect(compareStsCalls([], [a])).toEqual([`StsCalls[0]: botocore (no call), credchain ${JSON.stringify(a)}`]);
  });

  it("is part of compareWithBotocore whenever botocore's answer records a call graph", () => {
    const graph = stsCallGraph([call({})]);
    const expected = { Error: { Code: "Client", Class: "ClientError", Module: "botocore.exceptions", Message: "An error occurred (AccessDenied) when calling the AssumeRole operation: no" }, StsCalls: graph };
    const run = { status: 1, stdout: JSON.stringify({ Error: { Code: "CredentialRetrieval", Message: "An error occurred (AccessDenied) …" } }), stderr: "" };
    expect(compareWithBotocore(expected, { ...run, stsCalls: graph }).differences).toEqual([]);
    expect(compareWithBotocore(expected, { ...run, stsCalls: [] }).differences).toEqual([`StsCalls[0]: botocore ${JSON.stringify(graph[0])}, credchain (no call)`]);
    const vague = { ...run, stdout: JSON.stringify({ Error: { Code: "CredentialRetrieval", Message: "STS failed" } }), stsCalls: graph };
    expect(compareWithBotocore(expected, vague).differences).toEqual([
      "error message: botocore names the service's error (AccessDenied), credchain's message does not",
    ]);
  });
});
