import { describe, expect, it } from "vitest";
import { parseKeyValFileContents } from "../src/parse-key-val-file.js";

describe(parseKeyValFileContents.name, () => {
  it("splits at the first '=' and strips both sides", () => {
    expect(Object.fromEntries(parseKeyValFileContents(" A = 1 \nB=x=y\n"))).toEqual({ A: "1", B: "x=y" });
  });

  it("ignores lines without '=' and keeps comments and quotes that have one", () => {
    const parsed = parseKeyValFileContents('# note\njust words\n\nK="v" # c\n#C=1\n');
    expect(Object.fromEntries(parsed)).toEqual({ K: '"v" # c', "#C": "1" });
  });

  it("keeps key case and lets a later key win", () => {
    expect(Object.fromEntries(parseKeyValFileContents("k=1\nK=2\nk=3"))).toEqual({ k: "3", K: "2" });
  });

  it("breaks lines where Python's splitlines does", () => {
    const text = "A=1\r\nB=2\rC=3\vD=4\fE=5\x1cF=6\x85G=7\u2028H=8\u2029I=9";
    expect([...parseKeyValFileContents(text).keys()]).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
  });

  it("strips Python's whitespace but not a byte order mark", () => {
    expect(Object.fromEntries(parseKeyValFileContents("\ufeffA=\xa0x\x1f\nB=\u3000"))).toEqual({ "\ufeffA": "x", B: "" });
  });
});
