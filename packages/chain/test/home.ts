import { homeEnv, tempHomes } from "@credchain/test-utils";

const home = tempHomes("credchain-chain-");

/** A temp HOME holding `files` (paths relative to it, `{{HOME}}` as its path); removed after the test file. */
export async function homeWith(files: Record<string, string>): Promise<string> {
  return (await home(files)).dir;
}

/** The environment of a test: the temp HOME, IMDS off (nothing may leave loopback), and `extra`. */
export const envFor = homeEnv;

export const NODE = JSON.stringify(process.execPath);
