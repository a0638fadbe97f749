import { fromContainerMetadata } from "@credchain/provider-container";

export const credentials = await fromContainerMetadata()();
