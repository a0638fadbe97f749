import { chmod } from "node:fs/promises";
import { inspect } from "node:util";
import { CONFIG_FILE_MAX_BYTES } from "@credchain/core/internal";
import { BAD_PATH_REASONS, makeBadPaths } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromEc2CredentialsFile } from "../src/from-ec2-credentials-file.js";
import { makeHome, rejection, SECRET, type TestHome } from "./home.js";

let home: TestHome;
beforeEach(async () => {
  home = await makeHome();
});
afterEach(() => home.remove());

const run = (env: Record<string, string>) => fromEc2CredentialsFile({ env, homedir: home.dir })();

describe(fromEc2CredentialsFile.name, () => {
  it("reads AWSAccessKeyId and AWSSecretKey", async () => {
    await home.write({ "ec2.creds": `AWSAccessKeyId=AKIDEC2\nAWSSecretKey=${SECRET}\n` });
    const creds = await run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` });
    expect(creds).toMatchObject({ accessKeyId: "AKIDEC2", secretAccessKey: SECRET, source: "ec2-credentials-file" });
    expect(creds.sessionToken).toBeUndefined();
    expect(inspect(creds) + JSON.stringify(creds)).not.toContain(SECRET);
  });

  it("expands ~ and strips spaces around '='", async () => {
    await home.write({ "ec2.creds": `# comment\nAWSAccessKeyId = AKIDEC2\n\nwords\nAWSSecretKey = a=b\n` });
    const creds = await run({ AWS_CREDENTIAL_FILE: "~/ec2.creds" });
    expect(creds).toMatchObject({ accessKeyId: "AKIDEC2", secretAccessKey: "a=b" });
  });

  it.each([
    ["AWSAccessKeyId", `AWSAccessKeyId=AKID\u0000EC2\nAWSSecretKey=${SECRET}\n`],
    ["AWSSecretKey", `AWSAccessKeyId=AKIDEC2\nAWSSecretKey=${SECRET}\u001b[0m\n`],
  ])("refuses a control character in %s, naming it and the file, never the value", async (key, text) => {
    await home.write({ "ec2.creds": text });
    const file = `${home.dir}/ec2.creds`;
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: file }));
    expect(error).toMatchObject({ code: "CredentialRetrieval", source: "ec2-credentials-file", key, file, tryNextLink: false });
    expect(error.message).toBe(
      `ec2-credentials-file: ${key} in ${file} (AWS_CREDENTIAL_FILE) contains a control character (such as CR or LF)`,
    );
    expect(error.message + JSON.stringify(error)).not.toContain(SECRET);
  });

  it("keeps empty values, as botocore does", async () => {
    await home.write({ "ec2.creds": "AWSAccessKeyId=\nAWSSecretKey=\n" });
    expect(await run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` })).toMatchObject({ accessKeyId: "", secretAccessKey: "" });
  });

  it("is notFound when AWS_CREDENTIAL_FILE is unset", async () => {
    const error = await rejection(run({}));
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "ec2-credentials-file" });
    expect(error.lookedAt).toEqual({ envVars: ["AWS_CREDENTIAL_FILE"] });
  });

  it("is notFound when the file has no AWSAccessKeyId (key names are case-sensitive)", async () => {
    await home.write({ "ec2.creds": `awsaccesskeyid=AKID\nAWSSecretKey=${SECRET}\n` });
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` }));
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    expect(error.lookedAt).toEqual({ envVars: ["AWS_CREDENTIAL_FILE"], files: [`${home.dir}/ec2.creds`] });
    expect(error.message).not.toContain(SECRET);
  });

  it("fails with PartialCredentials when AWSSecretKey is missing", async () => {
    await home.write({ "ec2.creds": "AWSAccessKeyId=AKIDEC2\n" });
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` }));
    expect(error).toMatchObject({ code: "PartialCredentials", tryNextLink: false, key: "AWSSecretKey", file: `${home.dir}/ec2.creds` });
    expect(error.message).toContain("missing: AWSSecretKey");
    expect(error.message).toContain(`${home.dir}/ec2.creds`);
  });

  it.each([
    ["a missing file", (dir: string) => `${dir}/nope.creds`, "it does not exist"],
    ["a directory", (dir: string) => dir, "it is a directory"],
    ["an empty string", () => "", "it does not exist"],
    ["$VARS, which are not expanded", () => "$HOME/ec2.creds", "it does not exist"],
  ])("fails with ConfigNotFound (the chain stops) for %s", async (_, path, code) => {
    await home.write({ "ec2.creds": `AWSAccessKeyId=AKIDEC2\nAWSSecretKey=${SECRET}\n` });
    const named = path(home.dir);
    const error = await rejection(fromEc2CredentialsFile({ env: { AWS_CREDENTIAL_FILE: named, HOME: home.dir }, homedir: home.dir })());
    expect(error).toMatchObject({ code: "ConfigNotFound", tryNextLink: false, file: named });
    expect(error.message).toContain(`The specified config file (${named}) could not be found`);
    expect(error.message).toContain(code);
  });

  it.skipIf(process.getuid?.() === 0)("fails with ConfigNotFound when the file cannot be read", async () => {
    await home.write({ "ec2.creds": `AWSAccessKeyId=AKIDEC2\nAWSSecretKey=${SECRET}\n` });
    await chmod(`${home.dir}/ec2.creds`, 0);
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` }));
    expect(error).toMatchObject({ code: "ConfigNotFound" });
    expect(error.message).toContain("EACCES");
  });

  it("fails with ConfigNotFound for any fs error of the reader (botocore: any OSError)", async () => {
    const denied = Object.assign(new Error("denied"), { code: "EACCES" });
    const provider = fromEc2CredentialsFile({ env: { AWS_CREDENTIAL_FILE: "/x" }, readFile: () => Promise.reject(denied) });
    expect(await rejection(provider())).toMatchObject({ code: "ConfigNotFound", cause: denied, message: expect.stringContaining("EACCES") });
  });

  it.each(["fifo", "devZero", "directory", "danglingSymlink"] as const)(
    "fails at once with ConfigNotFound saying what is there for a %s (botocore hangs on a FIFO or device)",
    async (which) => {
      const path = (await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES))[which];
      const started = Date.now();
      const error = await rejection(run({ AWS_CREDENTIAL_FILE: path }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toMatchObject({ code: "ConfigNotFound", tryNextLink: false, file: path, key: "AWS_CREDENTIAL_FILE" });
      expect(error.message).toBe(`The specified config file (${path}) could not be found: AWS_CREDENTIAL_FILE names it but it ${BAD_PATH_REASONS[which]}`);
    },
  );

  it("fails with ConfigParse naming the file and the 16 MiB cap for a larger file, without reading it", async () => {
    const { overCap } = await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES);
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: overCap }));
    expect(error).toMatchObject({ code: "ConfigParse", tryNextLink: false, file: overCap, key: "AWS_CREDENTIAL_FILE" });
    expect(error.message).toBe(`Unable to parse config file ${overCap} (AWS_CREDENTIAL_FILE): the file is over credchain's 16 MiB cap for this file (not read)`);
  });

  it("fails with ConfigParse on a file that is not UTF-8", async () => {
    await home.write({ "ec2.creds": Buffer.from("AWSAccessKeyId=AKID\xff\nAWSSecretKey=x\n", "latin1") });
    const error = await rejection(run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` }));
    expect(error).toMatchObject({ code: "ConfigParse", tryNextLink: false });
    expect(error.message).toContain("not valid UTF-8");
  });

  it("does not find a key behind a byte order mark, as botocore does not", async () => {
    await home.write({ "ec2.creds": `\ufeffAWSAccessKeyId=AKID\nAWSSecretKey=${SECRET}\n` });
    expect(await rejection(run({ AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` }))).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });

  it("reads the file on every call", async () => {
    await home.write({ "ec2.creds": `AWSAccessKeyId=ONE\nAWSSecretKey=${SECRET}\n` });
    const provider = fromEc2CredentialsFile({ env: { AWS_CREDENTIAL_FILE: `${home.dir}/ec2.creds` } });
    expect((await provider()).accessKeyId).toBe("ONE");
    await home.write({ "ec2.creds": `AWSAccessKeyId=TWO\nAWSSecretKey=${SECRET}\n` });
    expect((await provider()).accessKeyId).toBe("TWO");
  });

  it("passes on an error without an fs code from an injected reader", async () => {
    const boom = new Error("boom");
    const provider = fromEc2CredentialsFile({ env: { AWS_CREDENTIAL_FILE: "/x" }, readFile: () => Promise.reject(boom) });
    await expect(provider()).rejects.toBe(boom);
  });
});
