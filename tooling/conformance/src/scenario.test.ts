import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@credchain/core";
import { expectedCredchainCode, hasMappedCode } from "./error-codes.js";
import { isErrorOutcome, listScenarios } from "./scenario.js";

// The committed data must be complete and consistent; these run without python or the CLI.
describe(listScenarios.name, () => {
  const scenarios = listScenarios();

  it("finds at least 70 scenarios, each with a description and botocore's expected.json", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(70);
    const incomplete = scenarios.filter((s) => s.expected === undefined || !s.spec.description);
    expect(incomplete.map((s) => s.name)).toEqual([]);
  });

  it("names folders NNN-kebab-case, with unique numbers", () => {
    const bad = scenarios.filter((s) => !/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/.test(s.name));
    expect(bad.map((s) => s.name)).toEqual([]);
    const numbers = scenarios.map((s) => s.name.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("maps every error botocore recorded to a credchain code", () => {
    for (const s of scenarios) {
      if (s.expected !== undefined && isErrorOutcome(s.expected)) {
        expect(() => expectedCredchainCode(s.expected as never, s.spec.credchainCode), s.name).not.toThrow();
      }
    }
  });

  it("uses credchainCode only where botocore raised a Python built-in or an exception without a credchain code", () => {
    const misused = scenarios.filter((s) => {
      if (s.spec.credchainCode === undefined) return false;
      const e = s.expected;
      return e === undefined || !isErrorOutcome(e) || !hasMappedCode(e.Error);
    });
    expect(misused.map((s) => s.name)).toEqual([]);
  });

  it("gives an emulator only to scenarios that need one, with far-future credentials", () => {
    for (const s of scenarios) {
      const e = s.spec.emulator;
      if (e === undefined) continue;
      for (const server of [e.imds, e.container]) {
        const exp = server?.credentials?.expiration;
        if (exp !== undefined) expect(Date.parse(exp), s.name).toBeGreaterThan(Date.parse("2090-01-01T00:00:00Z"));
      }
      const env = JSON.stringify(s.spec.env ?? {}) + JSON.stringify(e);
      const uses = /\{\{(IMDS_URL|CONTAINER_URL|STS_URL|SSO_URL|SSO_OIDC_URL)\}\}/.test(env) || existsSync(join(s.homeDir, ".aws", "config"));
      expect(uses, `${s.name} starts an emulator but never points at it`).toBe(true);
    }
  });

  it("sends every role and web identity scenario to the STS emulator, signing for a fixed region", () => {
    const roleLike = /role_arn|web_identity_token_file|AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE/;
    for (const s of scenarios) {
      const config = join(s.homeDir, ".aws", "config");
      const text = JSON.stringify(s.spec.env ?? {}) + (existsSync(config) ? readFileSync(config, "utf8") : "");
      if (!roleLike.test(text)) continue;
      expect(s.spec.emulator?.sts, `${s.name} may call STS but starts no STS emulator`).toBeDefined();
      expect(s.spec.env?.AWS_ENDPOINT_URL_STS, s.name).toBe("{{STS_URL}}");
      expect(s.spec.env?.AWS_DEFAULT_REGION, s.name).toBeDefined();
    }
  });

  it("sends every SSO scenario to the SSO emulators, with cached tokens dated far from now", () => {
    // What makes botocore's SSOProvider act (an sso-session section alone does not: 078).
    const ssoLike = /^\s*(sso_session|sso_account_id|sso_role_name)\s*=/m;
    for (const s of scenarios) {
      const config = join(s.homeDir, ".aws", "config");
      const text = existsSync(config) ? readFileSync(config, "utf8") : "";
      if (!ssoLike.test(text)) continue;
      const e = s.spec.emulator;
      expect(e?.sso, `${s.name} may call the SSO portal but starts no SSO emulator`).toBeDefined();
      const env = s.spec.env ?? {};
      const portal = env.AWS_ENDPOINT_URL_SSO === "{{SSO_URL}}" || env.AWS_ENDPOINT_URL === "{{SSO_URL}}" || text.includes("{{SSO_URL}}");
      expect(portal, `${s.name} never points the sso client at {{SSO_URL}}`).toBe(true);
      // An sso-session profile may refresh its token: SSO-OIDC must be the emulator too.
      if (/^\s*sso_session\s*=/m.test(text)) {
        expect(e?.ssoOidc, `${s.name} may refresh through SSO-OIDC but starts no SSO-OIDC emulator`).toBeDefined();
        expect(env.AWS_ENDPOINT_URL_SSO_OIDC, s.name).toBe("{{SSO_OIDC_URL}}");
      }
      const cache = join(s.homeDir, ".aws", "sso", "cache");
      if (!existsSync(cache)) continue;
      for (const name of readdirSync(cache)) {
        let token: Record<string, unknown>;
        try {
          token = JSON.parse(readFileSync(join(cache, name), "utf8")) as Record<string, unknown>;
        } catch {
          continue; // a corrupt cache file on purpose
        }
        for (const key of ["expiresAt", "registrationExpiresAt"]) {
          if (typeof token[key] !== "string") continue;
          const t = Date.parse(token[key] as string);
          const far = t < Date.parse("2010-01-01T00:00:00Z") || t > Date.parse("2090-01-01T00:00:00Z");
          expect(far, `${s.name}/${name}: ${key} ${String(token[key])} must be far past or far future`).toBe(true);
        }
      }
    }
  });

  it("keeps knownDifference for credchain bugs only: never with credchainCode", () => {
    const both = scenarios.filter((s) => s.spec.knownDifference !== undefined && s.spec.credchainCode !== undefined);
    expect(both.map((s) => s.name)).toEqual([]);
  });

  it("keeps deliberateDifference apart from knownDifference and credchainCode, with a credchain code", () => {
    const deliberate = scenarios.filter((s) => s.spec.deliberateDifference !== undefined);
    expect(deliberate.filter((s) => s.spec.knownDifference !== undefined || s.spec.credchainCode !== undefined).map((s) => s.name)).toEqual([]);
    expect(deliberate.filter((s) => !Object.hasOwn(ERROR_CODES, s.spec.deliberateDifference!.code)).map((s) => s.name)).toEqual([]);
  });

  it("narrows the list by name or number prefix, and rejects unknown names", () => {
    expect(listScenarios(undefined, ["001"]).map((s) => s.name)).toEqual(["001-env-full"]);
    expect(() => listScenarios(undefined, ["999"])).toThrow(/no such scenario/);
  });
});
