import { fromBotoConfig, fromEc2CredentialsFile } from "@credchain/provider-boto-cfg";

export const credentials = [await fromBotoConfig()(), await fromEc2CredentialsFile()()];
