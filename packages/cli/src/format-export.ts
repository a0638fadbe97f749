import type { Credentials } from "@credchain/core";

export const EXPORT_FORMATS = ["process", "env", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** ISO 8601 in UTC, whole seconds as the AWS CLI prints them. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, "Z");
}

/** The credential_process document (Version 1), as `aws configure export-credentials` prints it. */
function processDocument(c: Credentials): Record<string, unknown> {
  return {
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    ...(c.sessionToken !== undefined && { SessionToken: c.sessionToken }),
    ...(c.expiration !== undefined && { Expiration: isoSeconds(c.expiration) }),
    ...(c.accountId !== undefined && { AccountId: c.accountId }),
  };
}

/** POSIX shell single-quoting, only where a value needs it. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./+=:@%-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function envLines(c: Credentials): string {
  const vars: [string, string | undefined][] = [
    ["AWS_ACCESS_KEY_ID", c.accessKeyId],
    ["AWS_SECRET_ACCESS_KEY", c.secretAccessKey],
    ["AWS_SESSION_TOKEN", c.sessionToken],
    ["AWS_CREDENTIAL_EXPIRATION", c.expiration && isoSeconds(c.expiration)],
    ["AWS_ACCOUNT_ID", c.accountId],
  ];
  return vars
    .filter((v): v is [string, string] => v[1] !== undefined)
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join("");
}

/** The explicit export: the one place credchain prints a secret, because it was asked to. */
export function formatExport(c: Credentials, format: ExportFormat): string {
  if (format === "env") return envLines(c);
  const doc = processDocument(c);
  if (format === "json") doc.Source = c.source;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
