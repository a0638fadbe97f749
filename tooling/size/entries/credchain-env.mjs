// env only: the smallest useful bundle (budget 2 KiB).
import { fromEnv } from "@credchain/provider-env";

export const credentials = await fromEnv()();
