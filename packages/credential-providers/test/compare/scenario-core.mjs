// What run-scenario.mjs and .cjs share: turning a scenario (JSON) into calls of the module's
// functions, and their outcome into JSON. Functions cannot travel as JSON, so arguments may hold
// markers: {"$provider": {"fn", "args"}} is another provider of the same module, {"$async": v} an
// async function returning v (MFA codes, login tokens), {"$roleAssumer": "ASIA…"} a roleAssumer
// returning fixed credentials and recording what it was asked.

/** @param {Record<string, Function>} mod */
function revive(mod, value, seen) {
  if (Array.isArray(value)) return value.map((v) => revive(mod, v, seen));
  if (value === null || typeof value !== "object") return value;
  if ("$provider" in value) return build(mod, value.$provider, seen);
  if ("$async" in value) return async (...args) => (seen.push({ asked: args }), value.$async);
  if ("$roleAssumer" in value) {
    return async (...args) => {
      seen.push({ roleAssumer: args.map((a) => (a && typeof a === "object" && "secretAccessKey" in a ? { accessKeyId: a.accessKeyId } : a)) });
      return { accessKeyId: value.$roleAssumer, secretAccessKey: "assumer-secret", sessionToken: "assumer-token", expiration: new Date("2099-01-01T00:00:00Z") };
    };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(mod, v, seen)]));
}

function build(mod, call, seen) {
  const made = mod[call.fn](...revive(mod, call.args ?? [], seen));
  return call.expireAfter === undefined ? made : made.expireAfter(call.expireAfter);
}

const plain = (c) =>
  Object.fromEntries(
    ["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "credentialScope", "accountId", "identityId", "source"]
      .filter((k) => c[k] !== undefined)
      .map((k) => [k, c[k] instanceof Date ? c[k].toISOString() : c[k]]),
  );

/**
 * Runs `scenario.call` standalone (`calls` times) or as an STSClient's credentials
 * (`scenario.client`: GetCallerIdentity in that region), and returns what happened.
 */
export async function outcome(mod, sts, scenario) {
  const seen = [];
  const result = { exports: Object.keys(mod).filter((k) => typeof mod[k] === "function").sort(), seen };
  try {
    const provider = build(mod, scenario.call, seen);
    if (scenario.client) {
      const client = new sts.STSClient({ ...scenario.client, credentials: provider });
      const id = await client.send(new sts.GetCallerIdentityCommand({}));
      client.destroy();
      return { ...result, ok: true, arn: id.Arn };
    }
    const answers = [];
    for (let i = 0; i < (scenario.calls ?? 1); i++) answers.push(plain(await provider(scenario.props)));
    return { ...result, ok: true, credentials: answers.at(-1), answers };
  } catch (e) {
    return { ...result, ok: false, error: { name: e?.name, message: String(e?.message ?? e), code: e?.code, tryNextLink: e?.tryNextLink === true } };
  }
}
