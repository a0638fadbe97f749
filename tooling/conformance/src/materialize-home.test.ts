import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { materializeHome } from "./materialize-home.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fixture(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "conformance-fixture-"));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe(materializeHome.name, () => {
  it("copies files byte for byte when they hold no placeholder (BOM, CRLF kept)", () => {
    const bytes = Buffer.from("\ufeff[default]\r\nx = 1\r\n", "utf8");
    const { home, cleanup } = materializeHome(fixture({ ".aws/credentials": bytes }));
    made.push(home);
    expect(readFileSync(join(home, ".aws/credentials")).equals(bytes)).toBe(true);
    cleanup();
    expect(existsSync(home)).toBe(false);
  });

  it("substitutes {{HOME}} inside files", () => {
    const { home, cleanup } = materializeHome(fixture({ ".aws/config": "credential_process = node {{HOME}}/bin/x.js\n" }));
    made.push(home);
    expect(readFileSync(join(home, ".aws/config"), "utf8")).toBe(`credential_process = node ${home}/bin/x.js\n`);
    cleanup();
  });

  it("substitutes the emulator placeholders it is given, and only those", () => {
    const { home, cleanup } = materializeHome(
      fixture({ ".aws/config": "ec2_metadata_service_endpoint = {{IMDS_URL}}\n", token: "{{CONTAINER_TOKEN}}", other: "{{NOPE}}" }),
      { IMDS_URL: "http://127.0.0.1:9" },
    );
    made.push(home);
    expect(readFileSync(join(home, ".aws/config"), "utf8")).toBe("ec2_metadata_service_endpoint = http://127.0.0.1:9\n");
    expect(readFileSync(join(home, "token"), "utf8")).toBe("{{CONTAINER_TOKEN}}");
    expect(readFileSync(join(home, "other"), "utf8")).toBe("{{NOPE}}");
    cleanup();
  });

  it("gives an empty home when the scenario has no home/ folder", () => {
    const { home, cleanup } = materializeHome(join(tmpdir(), "no-such-home-folder-for-conformance"));
    made.push(home);
    expect(existsSync(home)).toBe(true);
    cleanup();
  });
});
