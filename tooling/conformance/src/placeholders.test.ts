import { describe, expect, it } from "vitest";
import { restorePlaceholders, substitutePlaceholders } from "./placeholders.js";

describe(substitutePlaceholders.name, () => {
  it("replaces every {{HOME}}", () => {
    expect(substitutePlaceholders("node {{HOME}}/bin/x.js {{HOME}}/y", "/tmp/h")).toBe("node /tmp/h/bin/x.js /tmp/h/y");
  });

  it("leaves $HOME and ~ alone: expanding those is the job of the code under test", () => {
    expect(substitutePlaceholders("$HOME/a ~/b", "/tmp/h")).toBe("$HOME/a ~/b");
  });
});

describe(restorePlaceholders.name, () => {
  it("turns the temp path back into {{HOME}}", () => {
    expect(restorePlaceholders("file /tmp/h/.aws/config", "/tmp/h")).toBe("file {{HOME}}/.aws/config");
  });
});
