import { describe, expect, it } from "vitest";
import type { HandlerRequest } from "../src/emulator-server.js";
import { StsFailure } from "../src/sts-failure.js";
import { queryParams, required } from "../src/sts-request.js";

const request = (query: string, body: string, contentType?: string): HandlerRequest => ({
  method: "POST",
  path: "/",
  query,
  headers: contentType === undefined ? {} : { "content-type": contentType },
  body,
});

describe(queryParams.name, () => {
  it("reads the query string and a form body together, the body winning", () => {
    expect(queryParams(request("?Action=A&X=1", "X=2&Version=v", "application/x-www-form-urlencoded; charset=utf-8"))).toEqual({
      Action: "A",
      X: "2",
      Version: "v",
    });
    expect(queryParams(request("", "Action=A"))).toEqual({ Action: "A" });
  });

  it("ignores a body that is not a form", () => {
    expect(queryParams(request("?Action=A", '{"Action":"B"}', "application/json"))).toEqual({ Action: "A" });
  });
});

describe(required.name, () => {
  it("returns a value, and fails an absent or empty one as STS's validation does", () => {
    expect(required({ RoleArn: "arn" }, "RoleArn")).toBe("arn");
    for (const p of [{}, { RoleSessionName: "" }] as Record<string, string>[]) {
      expect(() => required(p, "RoleSessionName")).toThrow(
        new StsFailure("ValidationError", "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null"),
      );
    }
  });
});
