import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromVault, main, startVaultServer } from "./index.js";

const SECRETS = /wJalrXUtnFEMI|vault-example-secret|vault-example-token|process-example-secret|process-example-token|example-vault-token|AKIAIOSFODNN7EXAMPLE|ASIAVAULTEXAMPLE\d|ASIAPROCESSEXAMPLE01/;

describe("custom-chain example", () => {
  it("resolves each set-up through the expected link and explains it, without printing a secret", async () => {
    const lines: string[] = [];
    const summary = await main({ log: (l) => lines.push(l) });
    const [file, vault, broken, processed] = summary.scenarios;
    const outcomes = (s: typeof file) => s!.attempts.map((a) => `${a.source}:${a.outcome}`);

    expect(outcomes(file)).toEqual(["env:skipped", "vault:skipped", "shared-credentials-file:used", "custom-process:skipped"]);
    expect(file!.resolved).toEqual({ link: "shared-credentials-file", source: "shared-credentials-file", accessKeyId: "****************MPLE", expires: false });
    expect(file!.attempts[1]!.reason).toBe("VAULT_ADDR is not set");

    expect(outcomes(vault)).toEqual(["env:skipped", "vault:used", "shared-credentials-file:skipped", "custom-process:skipped"]);
    expect(vault!.resolved).toMatchObject({ link: "vault", source: "explicit", expires: true });
    expect(summary.vaultLeasesForTwoCalls).toBe(1);
    expect(summary.vaultLeasesAfterForceRefresh).toBe(2);

    // Configured but broken stops the chain: the file after it is not used.
    expect(outcomes(broken)).toEqual(["env:skipped", "vault:failed", "shared-credentials-file:skipped", "custom-process:skipped"]);
    expect(broken!.attempts[1]!.code).toBe("CredentialRetrieval");
    expect(broken!.error).toMatchObject({ code: "CredentialRetrieval" });
    expect(broken!.error!.message).toContain("403: permission denied");

    expect(outcomes(processed)).toEqual(["env:skipped", "vault:skipped", "shared-credentials-file:skipped", "custom-process:used"]);
    expect(processed!.resolved).toMatchObject({ link: "custom-process", source: "custom-process", accessKeyId: "****************LE01", expires: true });

    expect(lines.join("\n")).not.toMatch(SECRETS);
  });

  it("fromVault: VAULT_TOKEN missing is a configuration error, a dead vault a retrieval error", async () => {
    await expect(fromVault({ env: { VAULT_ADDR: "http://127.0.0.1:9" } })()).rejects.toMatchObject({ code: "InvalidConfig", key: "VAULT_TOKEN" });
    const vault = await startVaultServer({ token: "t0ken" });
    const url = vault.url;
    await vault.close();
    await expect(fromVault({ env: { VAULT_ADDR: url, VAULT_TOKEN: "t0ken" } })()).rejects.toMatchObject({ code: "CredentialRetrieval" });
  });

  it("pnpm start: ignores the caller's AWS_* variables, VAULT_ADDR and HOME", () => {
    const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: "/nonexistent-home",
      AWS_ACCESS_KEY_ID: "AKIALEAKEDFROMSHELL1",
      AWS_SECRET_ACCESS_KEY: "leaked-secret",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent-home/credentials",
      VAULT_ADDR: "http://127.0.0.1:9",
      VAULT_TOKEN: "leaked-token",
    };
    const run = spawnSync(process.execPath, [entry], { encoding: "utf8", env, timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1\. Only ~\/\.aws\/credentials[^]*?3\. shared-credentials-file\s+used/);
    expect(run.stdout).toContain("→ shared-credentials-file (source \"shared-credentials-file\"), access key ****************MPLE, no expiry");
    expect(run.stdout).not.toContain("LEAKED");
    expect(run.stdout).not.toMatch(SECRETS);
  });
});
