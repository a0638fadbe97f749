import { describe, expect, it } from "vitest";
import { parseConfig } from "@credchain/core";
import { profileSectionName, setProfileValue } from "../src/set-profile-value.js";

const set = (text: string, profile: string, key: string, value: string, kind: "config" | "credentials" = "config") =>
  setProfileValue(text, { profile, kind, key, value });

describe("setProfileValue", () => {
  it("replaces a value in place and keeps every other byte", () => {
    const text = "# top\n[default]\nregion = us-east-1 ; old\n\n; between\n[profile dev]\n  region=eu-west-1\noutput = json\n";
    expect(set(text, "dev", "region", "eu-central-1")).toBe(
      "# top\n[default]\nregion = us-east-1 ; old\n\n; between\n[profile dev]\nregion = eu-central-1\noutput = json\n",
    );
  });

  it("adds a key after the profile's last line, before the blank separator", () => {
    const text = "[profile dev]\nregion = a\n\n[profile prod]\nregion = b\n";
    expect(set(text, "dev", "output", "json")).toBe("[profile dev]\nregion = a\noutput = json\n\n[profile prod]\nregion = b\n");
  });

  it("appends a missing profile with the header its file needs", () => {
    expect(set("[default]\nregion = a\n", "dev", "region", "b")).toBe("[default]\nregion = a\n\n[profile dev]\nregion = b\n");
    expect(set("", "dev", "aws_access_key_id", "AKID", "credentials")).toBe("[dev]\naws_access_key_id = AKID\n");
    expect(set("[default]\nx = 1", "default", "y", "2")).toBe("[default]\nx = 1\ny = 2\n");
  });

  it("keeps CRLF files CRLF", () => {
    expect(set("[default]\r\nregion = a\r\n", "default", "output", "json")).toBe("[default]\r\nregion = a\r\noutput = json\r\n");
    expect(set("[default]\r\nregion = a\r\n", "default", "region", "b")).toBe("[default]\r\nregion = b\r\n");
  });

  it("matches keys case-insensitively, as botocore reads them, and finds [profile   dev]", () => {
    expect(set("[profile   dev]\nRegion = a\n", "dev", "region", "b")).toBe("[profile   dev]\nregion = b\n");
  });

  it("replaces a sub-section with a value, continuation lines included", () => {
    expect(set("[default]\ns3 =\n  addressing_style = path\nregion = a\n", "default", "s3", "x")).toBe("[default]\ns3 = x\nregion = a\n");
  });

  it("writes text that botocore's parser reads back", () => {
    const out = set(set("[default]\nregion = a\n", "my profile", "region", "b"), "my profile", "output", "json");
    expect(profileSectionName("my profile", "config")).toBe('profile "my profile"');
    expect(parseConfig(out, { file: "config" })['profile "my profile"']).toEqual({ region: "b", output: "json" });
  });

  it.each([
    ["region", "a\nb"],
    ["a=b", "x"],
    ["[x]", "x"],
    ["", "x"],
  ])("refuses key %j / value %j that would corrupt the file", (key, value) => {
    expect(() => set("", "dev", key, value)).toThrow(/cannot write/);
  });
});
