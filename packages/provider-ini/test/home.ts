import { tempHomes, type TempHome } from "@credchain/test-utils";

// Homes made here are removed when the file's tests end, whether or not a test removed its own.
const homes = tempHomes("credchain-ini-");

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
export const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKENSECRET";

/** A throwaway HOME with files at paths relative to it (`.aws/config`, …). */
export type TestHome = TempHome;

export const makeHome = (): Promise<TestHome> => homes();
