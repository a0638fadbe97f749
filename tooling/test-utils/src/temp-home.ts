import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Where `write` puts the home's own path in text files: `credential_process = cat {{HOME}}/x`. */
export const HOME_PLACEHOLDER = "{{HOME}}";

/** A throwaway HOME with files at paths relative to it (`.aws/config`, …). */
export interface TempHome {
  dir: string;
  /**
   * Writes each file (folders made as needed), `{{HOME}}` in text replaced by `dir`; `mode`
   * applies to every file written (default 0o666 less the umask).
   */
  write(files: Record<string, string | Buffer>, options?: { mode?: number }): Promise<void>;
  /** `homeEnv(dir, extra)`: HOME, IMDS off, no system boto config, then `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  remove(): Promise<void>;
}

/**
 * The environment of a run in `home` and nothing from the host: IMDS off (nothing may leave
 * loopback), `BOTO_CONFIG` at a missing file (so no /etc/boto.cfg), then `extra`.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [cli, "export"], { env: homeEnv(dir, { AWS_PROFILE: "dev" }) });
 * ```
 */
export function homeEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { HOME: home, AWS_EC2_METADATA_DISABLED: "true", BOTO_CONFIG: join(home, "no-boto.cfg"), ...extra };
}

/**
 * A new directory under the OS temp dir, holding `files`, to remove after the test (or see
 * `tempHomes`, which removes its homes itself).
 *
 * @example
 * ```ts
 * const home = await makeTempHome("credchain-ini-", { ".aws/config": "[default]\nregion = eu-west-1\n" });
 * afterAll(() => home.remove());
 * await defaultChain({ env: home.env({ AWS_PROFILE: "dev" }) })();
 * ```
 */
export async function makeTempHome(prefix: string, files: Record<string, string | Buffer> = {}): Promise<TempHome> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const home: TempHome = {
    dir,
    async write(files, options = {}) {
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        const data = typeof content === "string" ? content.replaceAll(HOME_PLACEHOLDER, dir) : content;
        await writeFile(join(dir, path), data, options.mode === undefined ? {} : { mode: options.mode });
      }
    },
    env: (extra) => homeEnv(dir, extra),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  await home.write(files);
  return home;
}
