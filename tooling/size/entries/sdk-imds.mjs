import { fromInstanceMetadata } from "@smithy/credential-provider-imds";

export const credentials = await fromInstanceMetadata()();
