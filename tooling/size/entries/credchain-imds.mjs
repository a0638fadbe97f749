import { fromInstanceMetadata } from "@credchain/provider-imds";

export const credentials = await fromInstanceMetadata()();
