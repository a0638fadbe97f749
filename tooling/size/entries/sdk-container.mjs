import { fromContainerMetadata } from "@smithy/credential-provider-imds";

export const credentials = await fromContainerMetadata()();
