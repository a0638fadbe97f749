import { join } from "node:path";
import { makeTempHome } from "@credchain/test-utils";

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
  const { dir, write, remove } = await makeTempHome(prefix);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = async (name: string, source: string) => {
    await write({ [`${name}.js`]: source });
    return `${quote(process.execPath)} ${quote(join(dir, `${name}.js`))}`;
  };
  return {
    dir,
    script,
    printing: (name, value) => script(name, `process.stdout.write(${JSON.stringify(JSON.stringify(value))});`),
    remove,
  };
}
