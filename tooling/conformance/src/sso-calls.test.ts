import { describe, expect, it } from "vitest";
import type { RequestRecord } from "@credchain/emulator";
import { compareSsoCalls, ssoCallGraph } from "./sso-calls.js";

const record = (over: Partial<RequestRecord>): RequestRecord => ({
  method: "GET",
  path: "/federation/credentials",
  query: "",
  headers: { "x-amz-sso_bearer_token": "[redacted]" },
  time: 0,
  ...over,
});

describe(ssoCallGraph.name, () => {
  it("keeps service, method, path, sorted query parameters and status; never headers", () => {
    const graph = ssoCallGraph([
      { service: "sso-oidc", record: record({ method: "POST", path: "/token", status: 200 }) },
      { service: "sso", record: record({ query: "?role_name=Developer&account_id=111122223333", status: 403 }) },
      { service: "sso", record: record({}) },
    ]);
    expect(graph).toEqual([
      { service: "sso-oidc", method: "POST", path: "/token", params: {}, status: 200 },
      { service: "sso", method: "GET", path: "/federation/credentials", params: { account_id: "111122223333", role_name: "Developer" }, status: 403 },
      { service: "sso", method: "GET", path: "/federation/credentials", params: {} },
    ]);
    expect(Object.keys(graph[1]!.params)).toEqual(["account_id", "role_name"]);
    expect(JSON.stringify(graph)).not.toContain("bearer");
  });
});

describe(compareSsoCalls.name, () => {
  it("names each call that differs by position, and a missing one", () => {
    const a = ssoCallGraph([{ service: "sso-oidc", record: record({ method: "POST", path: "/token", status: 200 }) }]);
    const b = ssoCallGraph([{ service: "sso", record: record({ status: 200 }) }]);
    expect(compareSsoCalls(a, a)).toEqual([]);
    expect(compareSsoCalls(a, b)).toEqual([`SsoCalls[0]: botocore ${JSON.stringify(a[0])}, credchain ${JSON.stringify(b[0])}`]);
    expect(compareSsoCalls(a, [])).toEqual([`SsoCalls[0]: botocore ${JSON.stringify(a[0])}, credchain (no call)`]);
  });
});
