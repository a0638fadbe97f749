import { describe, expect, it } from "vitest";
import { decodeXmlText, innerXml, xmlText } from "../src/xml.js";
import { parseStsError } from "../src/parse-sts-response.js";

describe(xmlText.name, () => {
  const doc = `<?xml version="1.0"?>
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><ArnX>no</ArnX><Arn>arn:aws:sts::1:assumed-role/r/a&amp;b</Arn></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>AKID</AccessKeyId>
      <SecretAccessKey>s&lt;e&gt;c&#x2F;r&#47;et&quot;&apos;</SecretAccessKey>
      <SessionToken><![CDATA[tok<en>]]></SessionToken>
      <Expiration>2026-11-23T13:00:00Z</Expiration>
    </Credentials>
    <SourceIdentity/>
  </AssumeRoleResult>
</AssumeRoleResponse>`;

  it("reads known elements by path, decoding entities", () => {
    expect(xmlText(doc, ["AssumeRoleResult", "AssumedRoleUser", "Arn"])).toBe("arn:aws:sts::1:assumed-role/r/a&b");
    expect(xmlText(doc, ["AssumeRoleResult", "Credentials", "SecretAccessKey"])).toBe(`s<e>c/r/et"'`);
    expect(xmlText(doc, ["AssumeRoleResult", "Credentials", "SessionToken"])).toBe("tok<en>");
    expect(xmlText(doc, ["AssumeRoleResult", "SourceIdentity"])).toBe("");
    expect(xmlText(doc, ["AssumeRoleResult", "PackedPolicySize"])).toBeUndefined();
    expect(xmlText(doc, ["AssumeRoleResult", "Credentials"])).toBeUndefined(); // not a leaf
  });

  it("counts nesting of the same name and refuses unclosed elements", () => {
    expect(innerXml("<a><a>x</a>y</a>", "a")).toBe("<a>x</a>y");
    expect(innerXml("<a>never closed", "a")).toBeUndefined();
    expect(xmlText("<html>not json{", ["Credentials", "AccessKeyId"])).toBeUndefined();
  });

  it("leaves unknown entities and invalid references as written", () => {
    expect(decodeXmlText("&nbsp; &#xFFFFFFF; &amp;amp;")).toBe("&nbsp; &#xFFFFFFF; &amp;");
  });

  it("parses STS error bodies", () => {
    const body = `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no &amp; never</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`;
    expect(parseStsError(body)).toEqual({ code: "AccessDenied", message: "no & never", type: "Sender", requestId: "r-1" });
    expect(parseStsError("Service Unavailable")).toBeUndefined();
  });
});
