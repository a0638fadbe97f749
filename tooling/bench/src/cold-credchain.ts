// Cold start, credchain: a fresh process imports the full default chain and resolves from env.
// No top-level await, so the same script bundles as CommonJS too.
import { defaultChain } from "@credchain/chain";

void defaultChain()().then((credentials) => {
  if (credentials.source !== "env") process.exit(3);
});
