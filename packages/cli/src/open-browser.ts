import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { Env } from "@credchain/core";

/** `name` on PATH, as an executable file, or undefined. */
function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The command that opens a URL in a browser: `$BROWSER` (as Python's webbrowser reads it, the
 * first entry), else `open` on macOS, else `xdg-open`; undefined when none is there.
 */
export function browserOpener(env: Env, platform: NodeJS.Platform = process.platform): string | undefined {
  const fromEnv = env.BROWSER?.split(delimiter)[0];
  if (fromEnv) return onPath(fromEnv, env) ?? (fromEnv.includes("/") ? fromEnv : undefined);
  return onPath(platform === "darwin" ? "open" : "xdg-open", env);
}

/**
 * Opens `url` with the opener, detached (the CLI does not wait for the browser); false when it
 * could not be started.
 */
export function openBrowser(opener: string, url: string, env: Env): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(opener, [url], { detached: true, stdio: "ignore", env: env as NodeJS.ProcessEnv });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
