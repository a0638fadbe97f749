import { describe, expect, it } from "vitest";
import { encodeQuery } from "../src/sts-query.js";

describe(encodeQuery.name, () => {
  it("flattens lists and structures as the Query protocol, RFC 3986-encoded, undefined left out", () => {
    expect(
      encodeQuery("AssumeRole", {
        RoleArn: "arn:aws:iam::1:role/r",
        DurationSeconds: 900,
        ExternalId: undefined,
        Tags: [{ Key: "a b", Value: "c*d" }],
        TransitiveTagKeys: [],
      }),
    ).toBe(
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&DurationSeconds=900" +
        "&Tags.member.1.Key=a%20b&Tags.member.1.Value=c%2Ad&TransitiveTagKeys=",
    );
  });
});
