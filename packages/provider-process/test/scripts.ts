import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temp dir of small node scripts, each run as `"<node>" "<dir>/<name>.js"`. */
export interface ScriptDir {
  dir: string;
  /** Writes `<name>.js` and returns a credential_process command line that runs it. */
  script(name: string, source: string): Promise<string>;
  /** A script that prints `value` as JSON and exits 0. */
  printing(name: string, value: unknown): Promise<string>;
  remove(): Promise<void>;
}

export async function scriptDir(prefix = "credchain-process-"): Promise<ScriptDir> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = async (name: string, source: string) => {
    const file = join(dir, `${name}.js`);
    await writeFile(file, source);
    return `${quote(process.execPath)} ${quote(file)}`;
  };
  return {
    dir,
    script,
    printing: (name, value) => script(name, `process.stdout.write(${JSON.stringify(JSON.stringify(value))});`),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
