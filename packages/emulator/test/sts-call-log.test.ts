import { describe, expect, it } from "vitest";
import { closeCall, openCall, type StsCall } from "../src/sts-call-log.js";

describe(openCall.name, () => {
  it("keeps the parameters but Action and Version, with the web identity token and MFA code redacted", () => {
    const call = openCall({ Action: "AssumeRole", Version: "2011-06-15", RoleArn: "arn", TokenCode: "123456", WebIdentityToken: "eyJ.secret" }, 42);
    expect(call).toEqual({ action: "AssumeRole", params: { RoleArn: "arn", TokenCode: "[redacted]", WebIdentityToken: "[redacted]" }, status: 0, time: 42 });
    expect(JSON.stringify(call)).not.toMatch(/eyJ|123456/);
  });
});

describe(closeCall.name, () => {
  it("records the status and error code, appends the call and passes the response through", () => {
    const calls: StsCall[] = [];
    const response = { status: 403, body: "<ErrorResponse/>" };
    expect(closeCall(calls, openCall({ Action: "AssumeRole" }, 1), response, "AccessDenied")).toBe(response);
    expect(calls).toEqual([{ action: "AssumeRole", params: {}, status: 403, errorCode: "AccessDenied", time: 1 }]);
  });
});
