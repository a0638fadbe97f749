// The README's example runs as written (against the emulator) and prints what it says it prints.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

it("the README's example runs and prints what its comments say", async () => {
  const readme = await readFile(`${ROOT}/README.md`, "utf8");
  const code = /## Example[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ["--input-type=module", "--eval", code], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent" }, timeout: 20_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
    ),
  );
  const promised = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)/g)].map((m) => m[1]);
  expect(stdout.trim().split("\n")).toEqual(promised);
});
