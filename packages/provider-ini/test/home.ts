import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll } from "vitest";

// Homes made here are removed when the file's tests end, whether or not a test removed its own.
const homes: TempHome[] = [];
afterAll(() => Promise.all(homes.map((home) => home.remove())));

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
export const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENSECRET";

/** A throwaway HOME with files at paths relative to it (`.aws/config`, …). */
export type TestHome = TempHome;

export async function makeHome(): Promise<TestHome> {
  const home = await makeTempHome("credchain-ini-");
  homes.push(home);
  return home;
}
