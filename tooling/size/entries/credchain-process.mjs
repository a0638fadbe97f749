import { fromProcess } from "@credchain/provider-process";

export const credentials = await fromProcess({ command: "credential-helper --json" })();
