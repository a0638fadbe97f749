import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { awsCli, botocoreFullConfig, HAS_AWS_CLI } from "./aws-cli.js";
import { home, run } from "./run.js";

// The AWS CLI (v1, installed here) is the reference: it must read what credchain writes, and
// credchain must read and list what it does.

/** `configure set` arguments both CLIs take, in order (later ones overwrite earlier ones). */
const SETS = [
  ["region", "eu-west-1"],
  ["s3.max_concurrent_requests", "20"],
  ["s3.addressing_style", "path"],
  ["profile.dev.s3.addressing_style", "virtual"],
  ["profile.dev.region", "us-east-2"],
  ["default.output", "json"],
  ["preview.cloudfront", "true"],
  ["aws_access_key_id", "AKIDEXAMPLEDEFAULT"],
  ["profile.dev.aws_secret_access_key", "devSecretExample"],
  ["region", "ap-south-1", "--profile", "prod"],
  ["s3.max_concurrent_requests", "30"],
  ["profile.dev.s3.max_bandwidth", "50MB/s"],
];

/** What `configure get` prints for each key afterwards. */
const GETS: Array<[string[], string]> = [
  [["region"], "eu-west-1"],
  [["s3.max_concurrent_requests"], "30"],
  [["s3.addressing_style"], "path"],
  [["default.s3.addressing_style"], "path"],
  [["profile.dev.s3.addressing_style"], "virtual"],
  [["dev.s3.max_bandwidth"], "50MB/s"],
  [["s3.addressing_style", "--profile", "dev"], "virtual"],
  [["region", "--profile", "dev"], "us-east-2"],
  [["output"], "json"],
  [["preview.cloudfront"], "true"],
  [["aws_access_key_id"], "AKIDEXAMPLEDEFAULT"],
  [["profile.dev.aws_secret_access_key"], "devSecretExample"],
  [["region", "--profile", "prod"], "ap-south-1"],
];

describe.skipIf(!HAS_AWS_CLI)("configure, read back by the AWS CLI", () => {
  it("writes keys, nested keys and plain sections the AWS CLI reads, and that botocore parses as it parses its own", async () => {
    const ours = await home({});
    const theirs = await home({});
    for (const args of SETS) expect((await run(["configure", "set", ...args], ours)).code, args.join(" ")).toBe(0);
    await awsCli(SETS.map((args) => ["configure", "set", ...args]), theirs);

    const commands = GETS.map(([args]) => ["configure", "get", ...args]);
    const aws = await awsCli(commands, ours);
    for (const [i, [args, value]] of GETS.entries()) {
      expect(aws[i], `aws configure get ${args.join(" ")}`).toEqual({ code: 0, stdout: `${value}\n`, stderr: "" });
      expect(await run(["configure", "get", ...args], ours), `credchain configure get ${args.join(" ")}`).toEqual({ code: 0, stdout: `${value}\n`, stderr: "" });
    }
    // Each CLI reads the other's files the same way.
    expect((await awsCli(commands, theirs)).map((r) => r.stdout)).toEqual(aws.map((r) => r.stdout));
    for (const [args, value] of GETS) expect((await run(["configure", "get", ...args], theirs)).stdout).toBe(`${value}\n`);
    expect(await botocoreFullConfig(ours)).toEqual(await botocoreFullConfig(theirs));

    // A sub-section is not a value, for either.
    const [sub] = await awsCli([["configure", "get", "s3"]], ours);
    const mine = await run(["configure", "get", "s3"], ours);
    expect([mine.code, mine.stdout, mine.stderr.trim()]).toEqual([sub!.code, sub!.stdout, sub!.stderr]);
  });

  it("writes [services NAME] and [sso-session NAME] sections botocore reads, nested keys included", async () => {
    const env = await home({});
    const sets = [
      ["--services", "local", "s3.endpoint_url", "http://127.0.0.1:9000"],
      ["--services", "local", "endpoint_url", "http://127.0.0.1:4566"],
      ["--sso-session", "corp", "sso_start_url", "https://corp.awsapps.com/start"],
      ["--sso-session", "corp", "sso_region", "us-east-1"],
      ["--profile", "dev", "services", "local"],
      ["--profile", "dev", "sso_session", "corp"],
    ];
    for (const args of sets) expect((await run(["configure", "set", ...args], env)).code, args.join(" ")).toBe(0);
    const config = (await botocoreFullConfig(env)) as { services: unknown; sso_sessions: unknown; profiles: unknown };
    expect(config.services).toEqual({ local: { s3: { endpoint_url: "http://127.0.0.1:9000" }, endpoint_url: "http://127.0.0.1:4566" } });
    expect(config.sso_sessions).toEqual({ corp: { sso_start_url: "https://corp.awsapps.com/start", sso_region: "us-east-1" } });
    expect(config.profiles).toEqual({ dev: { services: "local", sso_session: "corp" } });
    expect(await readFile(join(env.HOME as string, ".aws", "config"), "utf8")).toBe(
      [
        "[services local]",
        "s3 =",
        "    endpoint_url = http://127.0.0.1:9000",
        "endpoint_url = http://127.0.0.1:4566",
        "",
        "[sso-session corp]",
        "sso_start_url = https://corp.awsapps.com/start",
        "sso_region = us-east-1",
        "",
        "[profile dev]",
        "services = local",
        "sso_session = corp",
        "",
      ].join("\n"),
    );
    expect((await run(["configure", "get", "--services", "local", "s3.endpoint_url"], env)).stdout).toBe("http://127.0.0.1:9000\n");
    expect((await run(["configure", "get", "--sso-session", "corp", "sso_region"], env)).stdout).toBe("us-east-1\n");
    const missing = await run(["configure", "get", "--services", "nope", "endpoint_url"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/InvalidConfig: The config sub-section \(nope\) could not be found: no \[services nope\] in .*config/);
  });

  it("refuses --profile with --services, and both section options together", async () => {
    const env = await home({});
    for (const [argv, message] of [
      [["configure", "set", "--profile", "dev", "--services", "x", "k", "v"], "--profile cannot be used with --services"],
      [["configure", "get", "--services", "x", "--sso-session", "y", "k"], "--services and --sso-session cannot be used together"],
    ] as const) {
      const r = await run([...argv], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

const LIST_FILES = {
  ".aws/credentials": "[default]\naws_access_key_id = AKIDEXAMPLE1234\naws_secret_access_key = secretEXAMPLEabcd\n[dev]\naws_access_key_id = AKIDDEV00001111\naws_secret_access_key = devsecret9999\n",
  ".aws/config": "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n[profile keys-in-config]\naws_access_key_id = AKIDCONFIG00CCCC\naws_secret_access_key = configsecretDDDD\n",
};

describe.skipIf(!HAS_AWS_CLI)("configure list, beside aws configure list", () => {
  it.each([
    ["the default profile", [], {}],
    ["--profile", ["--profile", "dev"], {}],
    ["keys in the config file", ["--profile", "keys-in-config"], {}],
    ["AWS_CONFIG_FILE", [], { AWS_CONFIG_FILE: "CONFIG" }],
    ["region from AWS_DEFAULT_REGION", ["--profile", "dev"], { AWS_DEFAULT_REGION: "ap-south-1" }],
    ["nothing set", [], { AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent" }],
  ])("prints the same table for %s", async (_name, args, extra: Record<string, string>) => {
    const env = await home(LIST_FILES);
    const vars = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === "CONFIG" ? join(env.HOME as string, ".aws", "config") : v]));
    const [aws] = await awsCli([["configure", "list", ...args]], { ...env, ...vars });
    const ours = await run(["configure", "list", ...args], { ...env, ...vars });
    expect(ours.code).toBe(0);
    expect(ours.stdout).toBe(aws!.stdout);
  });

  it("names the variable a value came from, where the AWS CLI prints a blank or a Python list (a deliberate difference)", async () => {
    const env = await home(LIST_FILES, { AWS_PROFILE: "dev", AWS_ACCESS_KEY_ID: "AKIDENV000000ZZZZ", AWS_SECRET_ACCESS_KEY: "xx" });
    const [aws] = await awsCli([["configure", "list"]], env);
    const ours = await run(["configure", "list"], env);
    const rows = (text: string) => text.trimEnd().split("\n").slice(2);
    expect(rows(aws!.stdout)).toEqual([
      "   profile                      dev              env    ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE']",
      "access_key     ****************ZZZZ              env    ",
      "secret_key       ****************xx              env    ",
      "    region                us-west-2      config-file    ~/.aws/config",
    ]);
    expect(rows(ours.stdout)).toEqual([
      "   profile                      dev              env    AWS_PROFILE",
      "access_key     ****************ZZZZ              env    AWS_ACCESS_KEY_ID",
      "secret_key       ****************xx              env    AWS_SECRET_ACCESS_KEY",
      "    region                us-west-2      config-file    ~/.aws/config",
    ]);
  });
});

describe("configure list", () => {
  it("never prints a key or secret, only their last four characters", async () => {
    const r = await run(["configure", "list"], await home(LIST_FILES));
    expect(r.stdout).toContain("****************1234");
    expect(r.stdout).not.toContain("AKIDEXAMPLE1234");
    expect(r.stdout).not.toContain("secretEXAMPLE");
  });

  it("shows AWS_REGION, which credchain reads and botocore does not", async () => {
    const r = await run(["configure", "list"], await home(LIST_FILES, { AWS_REGION: "eu-north-1" }));
    expect(r.stdout).toContain("    region               eu-north-1              env    AWS_REGION\n");
  });

  it("prints the table and exits 1 when the credentials are broken, with the error's code", async () => {
    const r = await run(["configure", "list"], await home({ ".aws/credentials": "[default]\naws_access_key_id = AKIDONLY\n" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("access_key                <not set>             None    None");
    expect(r.stderr).toMatch(/^credchain: PartialCredentials: /);
  });

  it("exits 1 for a --profile that does not exist, as ProfileNotFound", async () => {
    const r = await run(["configure", "list", "--profile", "nope"], await home(LIST_FILES));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ProfileNotFound");
  });
});

describe("configure list-profiles", () => {
  it("lists the config file's profiles, then those only in the credentials file, as the AWS CLI v2 does", async () => {
    const env = await home({
      ".aws/config": "[default]\n[profile b]\n[profile a]\n[sso-session s]\n[services x]\n",
      ".aws/credentials": "[c]\n[a]\n[default]\n",
    });
    expect(await run(["configure", "list-profiles"], env)).toEqual({ code: 0, stdout: "default\nb\na\nc\n", stderr: "" });
  });

  it("shows a name holding escape sequences escaped, never sending them to the terminal", async () => {
    const env = await home({ ".aws/config": "[profile evil\u001b]0;pwned\u0007]\n", ".aws/credentials": "[also\u001b[2J]\n" });
    expect(await run(["configure", "list-profiles"], env)).toEqual({ code: 0, stdout: "evil\\x1b]0;pwned\\x07\nalso\\x1b[2J\n", stderr: "" });
  });
});

describe("configure list with hostile input", () => {
  it("escapes a profile name from env and a region from the config file", async () => {
    const r = await run(
      ["configure", "list"],
      await home({ ...LIST_FILES, ".aws/config": "[profile evil\u001b[2J]\nregion = eu\u001b]0;x\u0007-west-1\n" }, { AWS_PROFILE: "evil\u001b[2J" }),
    );
    expect(r.stdout).not.toMatch(/[\x1b\x07]/);
    expect(r.stdout).toContain("evil\\x1b[2J");
    expect(r.stdout).toContain("eu\\x1b]0;x\\x07-west-1");
  });
});
