// The full default chain, botocore's order (budget 48 KiB).
import { defaultChain } from "@credchain/chain";

export const credentials = await defaultChain()();
