import { describe, expect, it } from "vitest";
import { selectProfile } from "../src/profile.js";

describe(selectProfile.name, () => {
  it("prefers the explicit option", () => {
    expect(selectProfile({ profile: "x", env: { AWS_PROFILE: "y" } })).toEqual({ name: "x", explicit: true, from: "option" });
  });
  it("lets AWS_DEFAULT_PROFILE win over AWS_PROFILE, as botocore does", () => {
    expect(selectProfile({ env: { AWS_PROFILE: "p", AWS_DEFAULT_PROFILE: "d" } }).name).toBe("d");
    expect(selectProfile({ env: { AWS_PROFILE: "p" } })).toEqual({ name: "p", explicit: false, from: "AWS_PROFILE" });
  });
  it("counts a variable set to the empty string, as botocore does", () => {
    expect(selectProfile({ env: { AWS_PROFILE: "" } }).name).toBe("");
  });
  it("falls back to default", () => {
    expect(selectProfile({ env: {} })).toEqual({ name: "default", explicit: false, from: "default" });
  });
});
