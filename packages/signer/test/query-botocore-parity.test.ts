import { execFile, spawnSync } from "node:child_process";
import { getCanonicalQuery } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { parseQuery } from "../src/canonical-uri.js";
import { signRequest } from "../src/index.js";
import { AKID, SECRET, staticProvider, TOKEN } from "./fixtures.js";

// Query strings signed by credchain and by botocore's SigV4Auth on the same URL, with the same
// credentials, region, service and clock. botocore signs a URL's query as written (split on "&",
// sorted); it is the reference for every query that is already percent-encoded. A query in
// another spelling (raw "+", raw space or UTF-8, lower-case hex, sub-delimiters) is signed as AWS
// canonicalises it: the same as botocore signs its canonical spelling, given in `boto`.
interface Row {
  name: string;
  url: string;
  /** The URL botocore is given, where it differs from `url` only in spelling. */
  boto?: string;
}

const H = "https://example.amazonaws.com/p";
const SAME: Row[] = [
  { name: "%2B is a plus", url: `${H}?a=b%2Bc` },
  { name: "%20 is a space", url: `${H}?q=hello%20world` },
  { name: "repeated keys, sorted by value", url: `${H}?tag=b&tag=a&tag=c&x=1` },
  { name: "repeated keys with one value twice", url: `${H}?k=1&k=0&k=1` },
  { name: "an empty value", url: `${H}?a=&b=1` },
  { name: "a bare key signs as a=", url: `${H}?a&b=1` },
  { name: "a and a= together", url: `${H}?a&a=&a=x` },
  { name: "an empty name", url: `${H}?=x&b=1` },
  { name: "unicode, percent-encoded", url: `${H}?name=Jos%C3%A9&%E1%88%B4=%C3%BC&e=%F0%9F%98%80` },
  { name: "reserved characters, percent-encoded", url: `${H}?a=%26%3D%2F%3F%23%5B%5D%40%21%24%27%28%29%2A%2C%3B%3A` },
  { name: "an already-encoded %2F", url: `${H}?path=%2Fa%2Fb%2F` },
  { name: "%25 is a percent, decoded once", url: `${H}?d=%25&e=%2541&f=100%25` },
  { name: "unreserved characters as they are", url: `${H}?a=~-._&b=AZaz09` },
  { name: "names sorted by their encoding, before values", url: `${H}?b=1&a%20b=2&a=3&A=4&a-=5&a.=6&a_=7&a~=8` },
  { name: "%2B in a name", url: `${H}?a%2Bb=1&a=2` },
  { name: "encoded control characters", url: `${H}?nl=a%0Ab&tab=%09&nul=%00` },
  { name: "a long query", url: `${H}?${Array.from({ length: 50 }, (_, i) => `k${(i * 7) % 50}=v%20${i}`).join("&")}` },
  { name: "no query", url: `${H}` },
  { name: "an empty query", url: `${H}?` },
];
const SPELLED: Row[] = [
  { name: "a raw + is a literal plus, not a space", url: `${H}?a=b+c&d=+`, boto: `${H}?a=b%2Bc&d=%2B` },
  { name: "a raw + in a name", url: `${H}?a+b=1`, boto: `${H}?a%2Bb=1` },
  { name: "a raw space (URL parsing encodes it)", url: `${H}?q=hello world`, boto: `${H}?q=hello%20world` },
  { name: "raw unicode (URL parsing encodes it)", url: `${H}?name=José&ሴ=ü`, boto: `${H}?name=Jos%C3%A9&%E1%88%B4=%C3%BC` },
  { name: "lower-case hex", url: `${H}?j=%2f&k=%c3%a9`, boto: `${H}?j=%2F&k=%C3%A9` },
  { name: "an encoded unreserved character", url: `${H}?t=%7E&u=%41`, boto: `${H}?t=~&u=A` },
  { name: "raw sub-delimiters and gen-delimiters", url: `${H}?a=!*'()&b=$,;:@/?`, boto: `${H}?a=%21%2A%27%28%29&b=%24%2C%3B%3A%40%2F%3F` },
  { name: "a raw = in a value", url: `${H}?a=b=c`, boto: `${H}?a=b%3Dc` },
];

const SCRIPT = `
import datetime, json, sys
import botocore.auth as auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
auth.get_current_datetime = lambda: datetime.datetime(2026, 1, 2, 3, 4, 5)
class Recording(auth.SigV4Auth):
    def canonical_request(self, request):
        self.last = super().canonical_request(request)
        return self.last
out = []
for url in json.loads(sys.stdin.read()):
    signer = Recording(Credentials("${AKID}", "${SECRET}", "${TOKEN}"), "execute-api", "eu-west-1")
    request = AWSRequest(method="GET", url=url)
    signer.add_auth(request)
    out.append({"query": signer.last.split("\\n")[2], "authorization": request.headers["Authorization"]})
print(json.dumps(out))
`;

function botocore(urls: string[]): Promise<{ query: string; authorization: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`python3 failed: ${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(JSON.stringify(urls));
  });
}

async function ours(url: string): Promise<{ query: string; authorization: string }> {
  const headers = await signRequest({ url }, { credentials: staticProvider(TOKEN), refresh: false, region: "eu-west-1", service: "execute-api", now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
  // The canonical query smithy signs, from the same parse: shown on a mismatch, before the signature.
  return { query: getCanonicalQuery({ query: parseQuery(new URL(url).search) } as never), authorization: headers.authorization as string };
}

const hasBotocore = spawnSync("python3", ["-c", "import botocore.auth"], { stdio: "ignore" }).status === 0;

describe.skipIf(!hasBotocore)("query strings sign as botocore's SigV4Auth signs them", () => {
  const rows = [...SAME, ...SPELLED];
  let theirs: { query: string; authorization: string }[] = [];
  it("botocore signs every row", async () => {
    theirs = await botocore(rows.map((r) => r.boto ?? r.url));
    expect(theirs).toHaveLength(rows.length);
  });

  it.each(rows.map((r, i) => [r.name, r, i] as const))("%s", async (_, row, i) => {
    const expected = theirs[i];
    expect(expected, "botocore ran").toBeDefined();
    const got = await ours(row.url);
    expect(got.query).toBe(expected?.query);
    expect(got.authorization).toBe(expected?.authorization);
  });

  // Deliberate differences, each pinned so a change shows up here.
  it("empty && pieces carry nothing: dropped (botocore signs each as an empty name, `=`)", async () => {
    const [boto] = await botocore([`${H}?a=1&&b=2&`]);
    expect(boto?.query).toBe("=&=&a=1&b=2");
    expect((await ours(`${H}?a=1&&b=2&`)).query).toBe("a=1&b=2");
    // As the Go SDK (url.ParseQuery) and aws4 read such a query; botocore's own requests never have one.
    expect((await ours(`${H}?a=1&&b=2&`)).authorization).toBe((await ours(`${H}?a=1&b=2`)).authorization);
  });

  it("X-Amz-Signature in the query is left out of the canonical query (smithy's rule, for presigned URLs); botocore signs it", async () => {
    const [boto] = await botocore([`${H}?X-Amz-Signature=abc&a=1`]);
    expect(boto?.query).toBe("X-Amz-Signature=abc&a=1");
    expect((await ours(`${H}?X-Amz-Signature=abc&a=1`)).query).toBe("a=1");
  });
});

describe("escapes that spell no text are refused, never signed as something else", () => {
  const opts = { credentials: staticProvider(), region: "eu-west-1", service: "execute-api" };
  it.each([
    ["a lone %", `${H}?discount=50%`, /value of query parameter "discount" has a "%" not followed by two hex digits at index 2 \(write a literal % as %25\)/],
    ["a malformed escape", `${H}?a=%zz`, /"%" not followed by two hex digits/],
    ["a byte that is not UTF-8", `${H}?a=%FF`, /percent-escapes that are not UTF-8/],
    ["a malformed escape in a name", `${H}?a%zz=1`, /a query parameter name has a "%"/],
  ])("%s", async (_, url, message) => {
    const credentials = staticProvider();
    const error = await signRequest({ url }, { ...opts, credentials }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CredchainError", code: "InvalidConfig", key: "search", message: expect.stringMatching(message) });
    expect(credentials.calls).toBe(0);
  });

  it("the same in an S3 path (each segment decoded once)", async () => {
    await expect(signRequest({ url: "https://b.s3.amazonaws.com/a%FFb" }, { ...opts, service: "s3", uriEscapePath: false })).rejects.toMatchObject({
      code: "InvalidConfig",
      key: "path",
      message: expect.stringContaining("a path segment has percent-escapes that are not UTF-8"),
    });
  });
});
