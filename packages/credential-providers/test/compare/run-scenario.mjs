// Runs one scenario through a credential-providers module, as a program would use it, and prints
// the outcome as one JSON line. The same file runs `@aws-sdk/credential-providers` and
// `@credchain/credential-providers`: only the import path changes (see run-scenario.cjs for the
// CommonJS twin). argv: <module> <scenario JSON>.
import { outcome } from "./scenario-core.mjs";

const [, , modulePath, scenarioText] = process.argv;
const mod = await import(modulePath);
const sts = await import("@aws-sdk/client-sts");
process.stdout.write(`${JSON.stringify(await outcome(mod, sts, JSON.parse(scenarioText)))}\n`);
