// Cold start, credchain: a fresh process imports the full default chain and resolves from env.
import { defaultChain } from "@credchain/chain";

const credentials = await defaultChain()();
if (credentials.source !== "env") process.exit(3);
