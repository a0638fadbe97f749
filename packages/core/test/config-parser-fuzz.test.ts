import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prng, testSeed, type Prng } from "./prng.js";
import { parseConfig, type ParsedConfig } from "../src/config-parser.js";
import { CredchainError } from "../src/errors.js";

// Fuzzing parseConfig: 100,000 files built from pieces that mean something to an INI parser, with
// secrets planted in them. Seeded: a failure prints its seed and case; CREDCHAIN_SEED=<n> replays
// it, CREDCHAIN_SEED=random explores new cases.

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFUZZEDKEY1";
const TOKEN = "IQoJb3JpZ2luX2VjEFUZZEDxSESSIONx/////wEaCXVzLWVhc3QtMSJHMEUCIQDfuzz";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmdXp6ZWQifQ.c2lnbmF0dXJlRlVaWkVE";
const PASSWORD = "hunter2-FUZZED-password";
const PLANTED = [SECRET, TOKEN, JWT, PASSWORD];

/**
 * The pieces. A password is only ever planted as the value of a field named like one: as a bare
 * name (a `[section]` or key) nothing could tell it from any other name, and names are what INI
 * errors must show. The other secrets are recognisable wherever they land.
 */
const KEYS = ["aws_access_key_id", "region", "s3", "k", "x", "AWS_Secret_Access_Key", "Region", "credential_process", SECRET, `${TOKEN}==`];
const VALUES = [
  "", "v", "1", "eu-west-1", "http://h:1/p", '"quoted"', "'q'", "a b", "[x]", "\\", "%(k)s", "v # not a comment",
  SECRET, TOKEN, JWT, `password = ${PASSWORD}`, `aws_session_token=${PASSWORD}`, `"SecretAccessKey": "${PASSWORD}"`,
];
const PIECES = [
  "[", "]", "[default]", "[profile dev]", "[sso-session s]", "[DEFAULT]", "[profile a.b]", "[services x]",
  "=", ":", " = ", ": ", "==", "#", ";", "# note", "; note",
  " ", "  ", "    ", "\t", "\u00a0", "\u2003", "\u3000", "\u2028", "\u0085", "\u000b", "\u000c", "\u001c",
  "\ufeff", "\ufffd",
  ...KEYS,
  ...VALUES.slice(1),
];
const BREAKS = ["\n", "\n", "\n", "\r\n", "\r"];
const INDENTS = ["", "", "", " ", "  ", "\t", "\u00a0", "\u3000"];

/** One line: mostly shaped like an AWS config line, sometimes pieces in any order. */
function line(rnd: Prng): string {
  const indent = rnd.pick(INDENTS);
  switch (rnd.int(6)) {
    case 0:
      return `${indent}[${rnd.pick(["default", "profile dev", "DEFAULT", "s", SECRET, `profile ${TOKEN}`, JWT, "a ]b"])}]`;
    case 1:
    case 2:
      return `${indent}${rnd.pick(KEYS)}${rnd.pick([" = ", "=", ": ", " =", "= "])}${rnd.pick(VALUES)}`;
    case 3:
      return rnd.int(2) ? "" : `${indent}${rnd.pick(["#", ";"])} ${rnd.pick(PIECES)}`;
    default: {
      let text = indent;
      for (let n = 1 + rnd.int(5); n > 0; n--) text += rnd.pick(PIECES);
      return text;
    }
  }
}

function file(rnd: Prng): string {
  let text = rnd.int(40) === 0 ? "\ufeff" : "";
  // Most real files start with a header; without one nearly every file fails on its first key.
  if (rnd.int(4)) text += `[${rnd.pick(["default", "profile dev", "DEFAULT", "s"])}]${rnd.pick(BREAKS)}`;
  for (let n = rnd.int(10); n > 0; n--) text += line(rnd) + rnd.pick(BREAKS);
  return text + (rnd.int(3) ? line(rnd) : "");
}

type Outcome = { parsed: ParsedConfig } | { refused: string };

function ours(text: string): Outcome {
  try {
    return { parsed: JSON.parse(JSON.stringify(parseConfig(text, { file: "/fuzz/config" }))) as ParsedConfig };
  } catch (error) {
    if (!CredchainError.isInstance(error) || error.code !== "ConfigParse") throw error;
    return { refused: error.message };
  }
}

const CASES = 100_000;
const seed = testSeed(13);

describe(`${parseConfig.name} fuzzed (seed ${seed})`, () => {
  const rnd = prng(seed);
  const texts = Array.from({ length: CASES }, () => file(rnd));

  it(`throws nothing but ConfigParse, and never quotes a planted secret, on ${CASES.toLocaleString("en-US")} files`, () => {
    let refused = 0;
    let slowest = 0;
    for (const [i, text] of texts.entries()) {
      const where = () => `seed ${seed}, case ${i}: ${JSON.stringify(text)}`;
      let outcome: Outcome;
      const started = performance.now();
      try {
        outcome = ours(text);
      } catch (error) {
        throw new Error(`${where()}\nthrew ${String(error)}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
      if (!("refused" in outcome)) continue;
      refused++;
      const message = outcome.refused;
      if (message.length > 600) throw new Error(`${where()}\nmessage of ${message.length} characters`);
      for (const secret of PLANTED) {
        for (let at = 0; at + 12 <= secret.length; at += 4) {
          if (message.includes(secret.slice(at, at + 12))) throw new Error(`${where()}\nquotes a planted secret: ${message}`);
        }
      }
    }
    // Both outcomes are well exercised, and no file takes long (a hang fails the test's timeout;
    // a case that is merely slow, such as quadratic work, fails here, whatever the machine's load).
    expect(refused).toBeGreaterThan(CASES / 5);
    expect(refused).toBeLessThan(CASES - CASES / 10);
    expect(slowest).toBeLessThan(1000);
  }, 60_000);

  // The same files through botocore's raw_config_parse, a sample of them in one python3 process:
  // accepted or refused alike, and the same values when accepted.
  const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
  it.skipIf(!hasBotocore)("accepts, refuses and parses as botocore does (a sample of 3,000)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "credchain-config-fuzz-"));
    try {
      const sample = texts.map((text, i) => [text, i] as const).filter((_, i) => i % Math.floor(CASES / 3000) === 0);
      const paths: string[] = [];
      for (const [text, i] of sample) {
        const path = join(dir, `case-${i}`);
        // What the parser sees as U+FFFD is what invalid UTF-8 decodes to: give botocore the invalid byte.
        const bytes = Buffer.concat(text.split("\ufffd").flatMap((part, n) => (n ? [Buffer.from([0xff]), Buffer.from(part)] : [Buffer.from(part)])));
        await writeFile(path, bytes);
        paths.push(path);
      }
      const results = await botocore(paths);
      for (const [n, [text, i]] of sample.entries()) {
        const mine = ours(text);
        const theirs = results[n]!;
        const where = `seed ${seed}, case ${i}: ${JSON.stringify(text)}`;
        if ("refused" in mine) expect(theirs, where).toHaveProperty("refused");
        else expect(theirs, where).toEqual(mine);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const SCRIPT = `
import json, sys
from botocore.configloader import raw_config_parse
from botocore.exceptions import ConfigParseError
out = []
for path in json.load(sys.stdin):
    try:
        out.append({"parsed": raw_config_parse(path, parse_subsections=True)})
    except (ConfigParseError, UnicodeDecodeError) as e:
        out.append({"refused": type(e).__name__})
print(json.dumps(out))
`;

function botocore(paths: string[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "" }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(JSON.parse(stdout) as Outcome[]);
    });
    child.stdin?.end(JSON.stringify(paths));
  });
}
