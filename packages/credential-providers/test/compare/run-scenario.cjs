// The CommonJS twin of run-scenario.mjs: the modules are required, not imported.
const [, , modulePath, scenarioText] = process.argv;
const mod = require(modulePath);
const sts = require("@aws-sdk/client-sts");
import("./scenario-core.mjs").then(async ({ outcome }) => {
  process.stdout.write(`${JSON.stringify(await outcome(mod, sts, JSON.parse(scenarioText)))}\n`);
});
