import aws4 from "aws4";

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** A minimal STS caller for the emulator's own tests, signed by aws4 (botocore checks the verifier independently). */
export async function stsCall(
  url: string,
  params: Record<string, string>,
  keys?: Keys,
  tweak: { date?: Date; sendBody?: string } = {},
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const body = new URLSearchParams({ Version: "2011-06-15", ...params }).toString();
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
  if (keys) {
    const date = tweak.date ?? new Date();
    headers["x-amz-date"] = date.toISOString().replace(/[:-]|\.\d{3}/g, "");
    const signed = aws4.sign(
      { host: target.host, path: "/", method: "POST", body, headers, service: "sts", region: "us-east-1" },
      { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken !== undefined && { sessionToken: keys.sessionToken }) },
    );
    Object.assign(headers, signed.headers);
    delete headers.Host;
    delete headers["Content-Length"];
  }
  // The tests may tamper with the body after signing.
  const response = await fetch(url, { method: "POST", headers, body: tweak.sendBody ?? body });
  return { status: response.status, body: await response.text() };
}

/** The text of the first `<name>` element. */
export function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}
