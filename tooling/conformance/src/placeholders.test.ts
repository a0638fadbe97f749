import { describe, expect, it } from "vitest";
import { hasPlaceholder, restorePlaceholders, substitutePlaceholders } from "./placeholders.js";

describe(substitutePlaceholders.name, () => {
  it("replaces every {{HOME}}", () => {
    expect(substitutePlaceholders("node {{HOME}}/bin/x.js {{HOME}}/y", "/tmp/h")).toBe("node /tmp/h/bin/x.js /tmp/h/y");
  });

  it("replaces the emulator placeholders that have a value and leaves unknown ones", () => {
    const values = { HOME: "/tmp/h", IMDS_URL: "http://127.0.0.1:1", CONTAINER_TOKEN: "Bearer t" };
    expect(substitutePlaceholders("{{IMDS_URL}} {{CONTAINER_TOKEN}} {{CONTAINER_URL}} {{HOME}}", values)).toBe(
      "http://127.0.0.1:1 Bearer t {{CONTAINER_URL}} /tmp/h",
    );
  });

  it("leaves $HOME and ~ alone: expanding those is the job of the code under test", () => {
    expect(substitutePlaceholders("$HOME/a ~/b", "/tmp/h")).toBe("$HOME/a ~/b");
  });
});

describe(restorePlaceholders.name, () => {
  it("turns the temp path back into {{HOME}}", () => {
    expect(restorePlaceholders("file /tmp/h/.aws/config", "/tmp/h")).toBe("file {{HOME}}/.aws/config");
  });

  it("restores the longest value first, so a URL that contains another comes back whole", () => {
    const values = { HOME: "/tmp/h", IMDS_URL: "http://127.0.0.1:1", CONTAINER_URL: "http://127.0.0.1:12/creds" };
    expect(restorePlaceholders("from http://127.0.0.1:12/creds and http://127.0.0.1:1/x", values)).toBe(
      "from {{CONTAINER_URL}} and {{IMDS_URL}}/x",
    );
  });
});

describe(hasPlaceholder.name, () => {
  it("finds only placeholders that have a value", () => {
    expect(hasPlaceholder(Buffer.from("x {{IMDS_URL}}"), { HOME: "/h", IMDS_URL: "u" })).toBe(true);
    expect(hasPlaceholder(Buffer.from("x {{IMDS_URL}}"), "/h")).toBe(false);
    expect(hasPlaceholder(Buffer.from("x {{HOME}}"), "/h")).toBe(true);
  });
});
