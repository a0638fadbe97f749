import { fromConfigFile, fromSharedCredentialsFile } from "@credchain/provider-ini";

export const credentials = [await fromSharedCredentialsFile()(), await fromConfigFile()()];
