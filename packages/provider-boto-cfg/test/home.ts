import { tempHomes, type TempHome } from "@credchain/test-utils";

export { rejection } from "@credchain/test-utils";

// Homes made here are removed when the file's tests end, whether or not a test removed its own.
const homes = tempHomes("credchain-boto-");

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

/** A throwaway HOME with files at paths relative to it (`.boto`, `ec2.creds`, …). */
export type TestHome = TempHome;

export const makeHome = (): Promise<TestHome> => homes();
