import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publicPackages } from "@credchain/size";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CHANGESETS = join(ROOT, ".changeset");

/** Names of every workspace package, public and private. */
function workspacePackages(): { name: string; dir: string; private: boolean }[] {
  return ["packages", "tooling", "examples"].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => {
        try {
          const manifest = JSON.parse(readFileSync(join(ROOT, group, e.name, "package.json"), "utf8")) as { name: string; private?: boolean };
          return [{ name: manifest.name, dir: `${group}/${e.name}`, private: manifest.private === true }];
        } catch {
          return [];
        }
      }),
  );
}

describe("releases (changesets)", () => {
  it("never version, tag or publish a private package", () => {
    const config = JSON.parse(readFileSync(join(CHANGESETS, "config.json"), "utf8")) as { privatePackages?: unknown; access?: string };
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.access).toBe("public");
  });

  it("publish only packages/*: everything under examples/ and tooling/ is private", async () => {
    const published = workspacePackages().filter((p) => !p.private);
    expect(published.map((p) => p.dir)).toEqual((await publicPackages(ROOT)).map((d) => relative(ROOT, d)));
  });

  it("changesets name only public packages", () => {
    const publicNames = new Set(workspacePackages().filter((p) => !p.private).map((p) => p.name));
    const named = readdirSync(CHANGESETS)
      .filter((f) => f.endsWith(".md") && f !== "README.md")
      .flatMap((f) => {
        const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CHANGESETS, f), "utf8"))?.[1] ?? "";
        return [...front.matchAll(/^"([^"]+)":/gm)].map((m) => `${f}: ${m[1]}`);
      });
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !publicNames.has(n.split(": ")[1] ?? ""))).toEqual([]);
  });
});
