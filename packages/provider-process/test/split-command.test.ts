import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { splitCommand, windowsShellSplit } from "../src/split-command.js";

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const POSIX_CASES = [
  "node /x/creds.js",
  `node "/x/with space/args.js" "arg one" 'arg two'`,
  `a\\ b c`,
  `"a\\"b" 'c\\d'`,
  "  spaced   out\t",
  `node "x`,
  "node x\\",
  "",
  `''`,
];
const WINDOWS_CASES = [
  "a b",
  `"a b" c`,
  `a\\\\"b c"`,
  `a\\b`,
  `a\\\\\\"b`,
  `""`,
  `"a""b"`,
  `C:\\Program Files\\x.exe`,
  `"C:\\Program Files\\x.exe" --p dev`,
  `x\\`,
  "  ",
  "a\tb",
  `"unclosed`,
];

/** botocore's answer for each command: its list, or null where it raises ValueError. */
function botocoreSplit(platform: string, commands: string[]): (string[] | null)[] {
  const script = `
import json, sys
from botocore.compat import compat_shell_split
out = []
for s in json.load(sys.stdin):
    try: out.append(compat_shell_split(s, platform=${JSON.stringify(platform)}))
    except ValueError: out.append(None)
print(json.dumps(out))`;
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(commands), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as (string[] | null)[];
}

describe(splitCommand.name, () => {
  it("uses shlex rules off Windows and the C runtime's on Windows", () => {
    expect(splitCommand(`a 'b c'`, "linux")).toEqual(["a", "b c"]);
    expect(splitCommand(`a 'b c'`, "win32")).toEqual(["a", "'b", "c'"]);
    expect(splitCommand(`"C:\\Program Files\\x.exe" --p dev`, "win32")).toEqual(["C:\\Program Files\\x.exe", "--p", "dev"]);
    expect(splitCommand(`node "x`, "linux")).toBeUndefined();
  });

  it.skipIf(!hasBotocore).each([
    ["linux", POSIX_CASES],
    ["win32", WINDOWS_CASES],
  ] as const)("agrees with botocore's compat_shell_split on %s", (platform, cases) => {
    const ours = cases.map((c) => splitCommand(c, platform) ?? null);
    expect(ours).toEqual(botocoreSplit(platform, [...cases]));
  });
});

describe(windowsShellSplit.name, () => {
  it("keeps an empty quoted word and literal backslashes", () => {
    expect(windowsShellSplit(`"" a\\b`)).toEqual(["", "a\\b"]);
    expect(windowsShellSplit(`a\\\\"b c"`)).toEqual(["a\\b c"]);
    expect(windowsShellSplit(`"open`)).toBeUndefined();
  });
});
