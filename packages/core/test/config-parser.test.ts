import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeSections, parseConfig, type ParsedConfig } from "../src/config-parser.js";
import { CredchainError } from "../src/errors.js";

/**
 * Cases with the outcome botocore's `raw_config_parse` gives for the same bytes: the first
 * describe checks ours, the second runs botocore on them. `error` is what our ConfigParse
 * message must say; SECRET must never appear in it.
 */
interface ConfigCase {
  name: string;
  text: string;
  expected?: ParsedConfig;
  error?: RegExp;
  subsections?: boolean;
}

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0SECRETKEY";
/** A session token pasted on a line of its own: `=` padding makes it read as a key. */
const TOKEN = "FwoGZXIvYXdzEBYaDHhBSECRETtokenvUdrlUwLSK+AQAMMDEyMzQ1Njc4OTAxMgSECRET==";
const PASSWORD = "hunter2-SECRET-password";
/** What must never appear in a message, nor any 12 characters of it. */
const PLANTED = [SECRET, TOKEN.replace(/=+$/, ""), PASSWORD];

function expectNothingPlanted(text: string): void {
  for (const secret of PLANTED) {
    for (let i = 0; i + 12 <= secret.length; i += 3) expect(text).not.toContain(secret.slice(i, i + 12));
  }
}

const CONFIG_CASES: ConfigCase[] = [
  { name: "empty file", text: "", expected: {} },
  { name: "only blank lines and comments", text: "\n  \n# c\n; c\n", expected: {} },
  {
    name: "basic section with = and :",
    text: "[default]\naws_access_key_id = AKID\nregion: eu-west-1\n",
    expected: { default: { aws_access_key_id: "AKID", region: "eu-west-1" } },
  },
  {
    name: "first delimiter splits, the rest stays in the value",
    text: "[a]\nk = v=w:x\nurl: http://h:1/p\nq:=r\n",
    expected: { a: { k: "v=w:x", url: "http://h:1/p", q: "=r" } },
  },
  {
    name: "keys lower-cased and stripped, values stripped, no space needed",
    text: "[a]\n  AWS_Access_Key_ID   =   AKID   \nRegion=us-east-1\n",
    expected: { a: { aws_access_key_id: "AKID", region: "us-east-1" } },
  },
  {
    name: "key with inner spaces",
    text: "[a]\nmy key = v\n",
    expected: { a: { "my key": "v" } },
  },
  {
    name: "section names are case-sensitive and kept as written",
    text: "[Default]\na = 1\n[default]\na = 2\n[profile Dev]\na = 3\n",
    expected: { Default: { a: "1" }, default: { a: "2" }, "profile Dev": { a: "3" } },
  },
  {
    name: "inline comments, quotes and booleans are kept verbatim",
    text: "[a]\nregion = us-east-1 # prod\nb = x ; y\nc = \"quoted\"\nd = 'single'\ne = true\nf = 1.5\ng = #\n",
    expected: { a: { region: "us-east-1 # prod", b: "x ; y", c: '"quoted"', d: "'single'", e: "true", f: "1.5", g: "#" } },
  },
  {
    name: "full-line comments, also indented ones",
    text: "# top\n[a]\n# k = 1\n  ; k = 2\nk = 3\n",
    expected: { a: { k: "3" } },
  },
  {
    name: "empty value",
    text: "[a]\nk =\nl:\n",
    expected: { a: { k: "", l: "" } },
  },
  {
    name: "whitespace around section header and inside it",
    text: "  [profile  x ]  \nk=v\n[a] trailing text\nl=w\n",
    expected: { "profile  x ": { k: "v" }, a: { l: "w" } },
  },
  {
    name: "section header takes everything up to the last ]",
    text: "[a]b]\nk=v\n[[c]]\nk=v\n",
    expected: { "a]b": { k: "v" }, "[c]": { k: "v" } },
  },
  {
    name: "a section with no keys",
    text: "[a]\n[b]\nk=v\n",
    expected: { a: {}, b: { k: "v" } },
  },
  {
    name: "multi-line value with a blank line inside",
    text: "[a]\nk = first\n  second\n\n  third\nnext = 1\n",
    expected: { a: { k: "first\nsecond\n\nthird", next: "1" } },
  },
  {
    name: "comment lines inside a multi-line value are dropped",
    text: "[a]\nk = first\n  # hidden\n  second\n",
    expected: { a: { k: "first\nsecond" } },
  },
  {
    name: "trailing blank lines of a value are removed",
    text: "[a]\nk = v\n\n\n[b]\n",
    expected: { a: { k: "v" }, b: {} },
  },
  {
    name: "continuation is relative to the key's own indentation",
    text: "[a]\n  k = 1\nl = 2\n  m = 3\n",
    expected: { a: { k: "1", l: "2\nm = 3" } },
  },
  {
    name: "an indented [header] under a key is part of the value",
    text: "[a]\nk = 1\n  [b]\n",
    expected: { a: { k: "1\n[b]" } },
  },
  {
    name: "sub-section",
    text: "[profile dev]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 10\n  Addressing_Style=path\n  url = http://x:1/?a=b\n",
    expected: {
      "profile dev": { region: "eu-west-1", s3: { max_concurrent_requests: "10", Addressing_Style: "path", url: "http://x:1/?a=b" } },
    },
  },
  {
    name: "sub-section with blank lines, a comment and a repeated key (last wins)",
    text: "[a]\ns3 =\n\n  x = 1\n  # c\n\n  x = 2\n  y =\n",
    expected: { a: { s3: { x: "2", y: "" } } },
  },
  {
    name: "sub-sections off: the literal value",
    text: "[a]\ns3 =\n  x = 1\n  y = 2\n",
    subsections: false,
    expected: { a: { s3: "\nx = 1\ny = 2" } },
  },
  {
    name: "a value on the key's line is not a sub-section",
    text: "[a]\ns3 = x = 1\n  y = 2\n",
    expected: { a: { s3: "x = 1\ny = 2" } },
  },
  {
    name: "an empty key followed by blank lines only is an empty string",
    text: "[a]\ns3 =\n\n\n",
    expected: { a: { s3: "" } },
  },
  {
    name: "[DEFAULT] keys are inherited by every section and DEFAULT is not a section",
    text: "[DEFAULT]\nregion = d\noutput = json\n[profile a]\nregion = a\n[b]\nk = v\n",
    expected: { "profile a": { region: "a", output: "json" }, b: { k: "v", region: "d", output: "json" } },
  },
  {
    name: "[DEFAULT] may appear twice, and after the sections",
    text: "[a]\nk = v\n[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n",
    expected: { a: { k: "v", x: "1", y: "2" } },
  },
  {
    name: "[DEFAULT] alone gives no sections",
    text: "[DEFAULT]\nx = 1\n",
    expected: {},
  },
  {
    name: "[default] is an ordinary section",
    text: "[default]\nx = 1\n[a]\n",
    expected: { default: { x: "1" }, a: {} },
  },
  {
    name: "[DEFAULT] sub-section is inherited and parsed",
    text: "[DEFAULT]\ns3 =\n  a = 1\n[x]\n",
    expected: { x: { s3: { a: "1" } } },
  },
  {
    name: "a broken [DEFAULT] sub-section is no error where every section has its own key",
    text: "[DEFAULT]\ns3 =\n  no equals sign\n[a]\ns3 = x\n[b]\ns3 =\n  k = 1\n",
    expected: { a: { s3: "x" }, b: { s3: { k: "1" } } },
  },
  {
    name: "sub-section lines split where Python's str.splitlines() splits (U+2028, \\v, \\x1c, \\x85)",
    text: "[a]\ns3 =\n  x = 1\u2028y = 2\u000bz=3\u001cw = 4\u0085v=5\n",
    expected: { a: { s3: { x: "1", y: "2", z: "3", w: "4", v: "5" } } },
  },
  {
    name: "the line ends of a file mixed: \\n, \\r\\n and \\r",
    text: "[a]\rk = 1\r\nl = 2\n\r[b]\r\n\r\nm = 3",
    expected: { a: { k: "1", l: "2" }, b: { m: "3" } },
  },
  {
    name: "keys repeated across sections in another order and case",
    text: "[a]\nregion = 1\nOutput = 2\n[b]\nregions = 3\nOUTPUT = 4\n[c]\noutput = 5\nregio = 6\n",
    expected: { a: { region: "1", output: "2" }, b: { regions: "3", output: "4" }, c: { output: "5", regio: "6" } },
  },
  {
    name: "CRLF line endings",
    text: "[default]\r\nregion = x # c\r\ns3 =\r\n  a = 1\r\n\r\n  b=2\r\n",
    expected: { default: { region: "x # c", s3: { a: "1", b: "2" } } },
  },
  {
    name: "lone CR line endings (Python's universal newlines)",
    text: "[a]\rk = v\rl = w\r",
    expected: { a: { k: "v", l: "w" } },
  },
  {
    name: "no newline at end of file",
    text: "[a]\nk = v",
    expected: { a: { k: "v" } },
  },
  {
    name: "tabs as indentation and around the delimiter",
    text: "[a]\nk\t=\tv\n\tw\n",
    expected: { a: { k: "v\nw" } },
  },
  {
    name: "non-ASCII keys and values",
    text: "[profile é]\nclé = välue ✓\n",
    expected: { "profile é": { "clé": "välue ✓" } },
  },
  {
    name: "%-signs are not interpolated",
    text: "[a]\nk = 100%(x)s\n",
    expected: { a: { k: "100%(x)s" } },
  },
  {
    name: "prototype-like names are plain keys",
    text: "[__proto__]\nconstructor = 1\ntostring = 2\n",
    expected: JSON.parse('{"__proto__": {"constructor": "1", "tostring": "2"}}') as ParsedConfig,
  },
  // Errors: botocore raises ConfigParseError for each.
  {
    name: "duplicate section",
    text: `[a]\naws_secret_access_key = ${SECRET}\n[a]\nk = v\n`,
    error: /line 3: section \[a\] appears twice \(first on line 1\)/,
  },
  {
    name: "duplicate key (case-insensitive)",
    text: `[a]\naws_secret_access_key = ${SECRET}\nAWS_Secret_Access_Key = ${SECRET}\n`,
    error: /line 3: key "aws_secret_access_key" appears twice in section \[a\] \(first on line 2\)/,
  },
  {
    name: "duplicate key in [DEFAULT]",
    text: `[DEFAULT]\nk = ${SECRET}\n[DEFAULT]\nk = 2\n`,
    error: /line 4: key "k" appears twice in section \[DEFAULT\]/,
  },
  {
    name: "key before any section",
    text: `aws_secret_access_key = ${SECRET}\n[a]\n`,
    error: /line 1: a key or other text comes before the first \[section\] header/,
  },
  {
    name: "key before any section after comments",
    text: `# c\n\n${SECRET}\n`,
    error: /line 3: a key or other text comes before/,
  },
  {
    name: "line without a delimiter",
    text: `[a]\nk = v\n${SECRET}\n`,
    error: /line 3: expected "key = value"/,
  },
  {
    name: "several lines without a delimiter",
    text: `[a]\n${SECRET}\nk = v\n${SECRET}x\n`,
    error: /lines 2, 4: expected "key = value"/,
  },
  {
    name: "a delimiter with no key",
    text: `[a]\n= ${SECRET}\n`,
    error: /line 2: expected "key = value"/,
  },
  {
    name: "empty [] header is not a header",
    text: "[a]\n[]\n",
    error: /line 2: expected "key = value"/,
  },
  {
    name: "a duplicate section wins over an earlier bad line (raised first)",
    text: "[a]\nbad line\n[a]\n",
    error: /line 3: section \[a\] appears twice/,
  },
  {
    name: "sub-section line without =",
    text: `[a]\ns3 =\n  x = 1\n  ${SECRET}\n`,
    error: /line 4: a line of the sub-section "s3" in section \[a\] has no "="/,
  },
  {
    name: "a broken [DEFAULT] sub-section, inherited by a section without the key",
    text: "[DEFAULT]\ns3 =\n  x = 1\n  no equals sign\n[a]\ns3 = own\n[b]\nk = v\n",
    error: /line 4: a line of the sub-section "s3" in section \[b\] has no "="/,
  },
  {
    name: "of two broken sub-sections, the first section's is named (botocore reads sections in order, own keys first)",
    text: "[DEFAULT]\nd =\n  bad default\n[a]\nk = v\ns3 =\n  bad own\n[b]\ns3 =\n  bad too\n",
    error: /line 7: a line of the sub-section "s3" in section \[a\] has no "="/,
  },
  {
    name: "sub-section line with only : (botocore splits sub-sections on = only)",
    text: "[a]\ns3 =\n  x: 1\n",
    error: /line 3: a line of the sub-section "s3"/,
  },
  // Secrets in every malformed position: the message names lines, sections and keys, never a value,
  // and a name that holds a secret (a token pasted on its own line reads as a key) is redacted.
  {
    name: "duplicate section named like a secret",
    text: `[${SECRET}]\nk = v\n[${SECRET}]\n`,
    error: /line 3: section \[\[redacted\]\] appears twice \(first on line 1\)/,
  },
  {
    name: "duplicate key that is a pasted session token",
    text: `[a]\n${TOKEN}\nregion = x\n${TOKEN}\n`,
    error: /line 4: key "\[redacted\]" appears twice in section \[a\] \(first on line 2\)/,
  },
  {
    name: "sub-section whose key is a pasted token, with a secret on a line without =",
    text: `[a]\n${TOKEN.replace(/=+$/, "")} =\n  x = ${PASSWORD}\n  ${SECRET}\n`,
    error: /line 4: a line of the sub-section "\[redacted\]" in section \[a\] has no "="/,
  },
  {
    name: "secrets on continuation lines, then bad lines holding secrets",
    text: `[a]\naws_secret_access_key = ${SECRET}\n  ${PASSWORD}\n\n  ${TOKEN}\npassword ${PASSWORD}\n${SECRET}\n`,
    error: /lines 6, 7: expected "key = value"/,
  },
  {
    name: "a password before any section",
    text: `password: ${PASSWORD}\n[a]\n`,
    error: /line 1: a key or other text comes before the first \[section\] header/,
  },
  {
    name: "UTF-8 byte order mark before a secret",
    text: `\ufeffaws_secret_access_key = ${SECRET}\n[a]\n`,
    error: /line 1: the file starts with a UTF-8 byte order mark/,
  },
  {
    name: "UTF-8 byte order mark",
    text: "\ufeff[default]\nregion = x\n",
    error: /line 1: the file starts with a UTF-8 byte order mark \(BOM\)/,
  },
  {
    name: "UTF-8 byte order mark before a comment",
    text: "\ufeff# comment\n[default]\n",
    error: /line 1: the file starts with a UTF-8 byte order mark/,
  },
];

describe(parseConfig.name, () => {
  const ok = CONFIG_CASES.filter((c) => c.expected);
  const bad = CONFIG_CASES.filter((c) => c.error);

  it.each(ok.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const parsed = parseConfig(c.text, { file: "/f/config", subsections: c.subsections });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(c.expected);
  });

  it.each(bad.map((c) => [c.name, c] as const))("rejects: %s", (_name, c) => {
    let error: unknown;
    try {
      parseConfig(c.text, { file: "/f/config" });
    } catch (e) {
      error = e;
    }
    expect(CredchainError.isInstance(error)).toBe(true);
    const err = error as CredchainError;
    expect(err.code).toBe("ConfigParse");
    expect(err.file).toBe("/f/config");
    expect(err.message).toContain("/f/config");
    expect(err.message).toMatch(c.error as RegExp);
    expectNothingPlanted(err.message);
    expectNothingPlanted(JSON.stringify(err));
    expectNothingPlanted(inspect(err));
  });

  it("names a few of 100,000 bad lines, not all of them", () => {
    const text = `[a]\n${`${PASSWORD}\n`.repeat(100_000)}`;
    let message = "";
    try {
      parseConfig(text, { file: "/f/config" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Unable to parse config file \/f\/config: lines 2, 3, 4, .* and 99,9\d\d more: expected "key = value"/);
    expect(message.length).toBeLessThan(400);
    expectNothingPlanted(message);
  });

  it("fails on invalid UTF-8 without quoting the line", () => {
    const error = (() => {
      try {
        parseConfig(`[a]\naws_secret_access_key = ${SECRET}\ufffd${PASSWORD}\n`, { file: "f" });
      } catch (e) {
        return e as CredchainError;
      }
    })();
    expect(error?.message).toMatch(/line 2: the file is not valid UTF-8/);
    expectNothingPlanted(inspect(error));
  });

  it("gives sections and keys no prototype", () => {
    const parsed = parseConfig("[a]\nk = v\n", { file: "f" });
    expect("constructor" in parsed).toBe(false);
    expect("toString" in (parsed.a as object)).toBe(false);
  });

  it("names the key of a duplicate or a broken sub-section", () => {
    expect(() => parseConfig("[a]\nk=1\nk=2\n", { file: "f" })).toThrow(expect.objectContaining({ key: "k" }));
    expect(() => parseConfig("[a]\ns3 =\n  x\n", { file: "f" })).toThrow(expect.objectContaining({ key: "s3" }));
  });

  it("fails on U+FFFD, what invalid UTF-8 decodes to (Python raises UnicodeDecodeError)", () => {
    expect(() => parseConfig("[a]\nk = \ufffd\n", { file: "f" })).toThrow(/line 2: the file is not valid UTF-8/);
  });
});

// The same cases through botocore's raw_config_parse, to prove the expectations above are
// botocore's. Skipped where python3 with botocore is not installed.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, sys
from botocore.configloader import raw_config_parse
from botocore.exceptions import ConfigParseError
out = []
for path, subsections in json.load(sys.stdin):
    try:
        out.append({"parsed": raw_config_parse(path, parse_subsections=subsections)})
    except ConfigParseError as e:
        out.append({"error": type(e).__name__})
print(json.dumps(out))
`;

describe.skipIf(!hasBotocore)(`${parseConfig.name} against botocore`, () => {
  let dir: string;
  let results: { parsed?: ParsedConfig; error?: string }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "credchain-config-parity-"));
    const inputs: [string, boolean][] = [];
    for (const [i, c] of CONFIG_CASES.entries()) {
      const path = join(dir, `case-${i}`);
      await writeFile(path, c.text, "utf8");
      inputs.push([path, c.subsections ?? true]);
    }
    results = await new Promise((resolve, reject) => {
      const child = execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "" } }, (error, stdout, stderr) => {
        if (error) reject(new Error(stderr));
        else resolve(JSON.parse(stdout) as typeof results);
      });
      child.stdin?.end(JSON.stringify(inputs));
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(CONFIG_CASES.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, i) => {
    const result = results[i];
    if (c.expected) expect(result).toEqual({ parsed: c.expected });
    else expect(result).toEqual({ error: "ConfigParseError" });
  });
});

describe(mergeSections.name, () => {
  it("merges sections into a new one, later keys winning, that inherits nothing", () => {
    const config = parseConfig("[profile dev]\nregion = eu-west-1\naws_access_key_id = OLD\ns3 =\n  a = 1\n", { file: "config" });
    const credentials = parseConfig("[dev]\naws_access_key_id = NEW\n__proto__ = p\n", { file: "credentials" });
    const merged = mergeSections(config["profile dev"], credentials.dev, undefined);
    expect(JSON.parse(JSON.stringify(merged))).toEqual({ region: "eu-west-1", aws_access_key_id: "NEW", s3: { a: "1" }, ["__proto__"]: "p" });
    expect(Object.hasOwn(merged, "__proto__")).toBe(true);
    expect("constructor" in merged).toBe(false);
    expect(Object.getPrototypeOf(merged)).toBe(Object.getPrototypeOf(config["profile dev"]));
    // The inputs are left as they were.
    expect(config["profile dev"]?.aws_access_key_id).toBe("OLD");
    expect(JSON.parse(JSON.stringify(mergeSections()))).toEqual({});
  });
});

