import { makeTempHome, type TempHome } from "@credchain/test-utils";

export { rejection } from "@credchain/test-utils";

export const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

/** A throwaway HOME with files at paths relative to it (`.boto`, `ec2.creds`, …). */
export type TestHome = TempHome;

export const makeHome = (): Promise<TestHome> => makeTempHome("credchain-boto-");
