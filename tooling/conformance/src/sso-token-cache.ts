import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The SSO token cache after a run: file name → its JSON (keys sorted), or `{"$text": …}` for a
 * file that is not JSON. A timestamp the run itself wrote (a refreshed token's `expiresAt`, "now
 * + expiresIn") is recorded relative to the run, e.g. `"<run+3600s>"`, so fixtures stay stable.
 */
export type SsoTokenCacheSnapshot = Record<string, unknown>;

/** Where botocore and credchain keep SSO tokens, under a home. */
export function ssoTokenCacheDir(home: string): string {
  return join(home, ".aws", "sso", "cache");
}

/** botocore's token timestamp format (`_serialize_utc_timestamp`): whole seconds, `Z`. */
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
/** How far after the run a written timestamp may lie and still count as "now + lifetime". */
const WRITTEN_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * Reads every file of `<home>/.aws/sso/cache` (sorted by name). `run` is when the run started and
 * ended: a `YYYY-MM-DDTHH:MM:SSZ` string inside it (up to a week after) becomes
 * `<run+Ns>`, N rounded to the minute; any other value, including a timestamp in another format,
 * is kept as written, so a format difference shows.
 *
 * @example
 * ```ts
 * snapshotSsoTokenCache(home, { start, end });
 * // { "d033e22ae348aeb5660fc2140aec35850c4da997.json":
 * //     { accessToken: "emulator-sso-access-token-00000001", expiresAt: "<run+3600s>", … } }
 * ```
 */
export function snapshotSsoTokenCache(home: string, run: { start: number; end: number }): SsoTokenCacheSnapshot {
  const dir = ssoTokenCacheDir(home);
  const snapshot: SsoTokenCacheSnapshot = {};
  if (!existsSync(dir)) return snapshot;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const text = readFileSync(path, "utf8");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      snapshot[name] = { $text: text };
      continue;
    }
    snapshot[name] = normalise(value, run);
  }
  return snapshot;
}

function normalise(value: unknown, run: { start: number; end: number }): unknown {
  if (typeof value === "string" && UTC_SECONDS.test(value)) {
    const t = Date.parse(value);
    // Whole seconds: the run's start is truncated to the second before comparing.
    if (t >= Math.floor(run.start / 1000) * 1000 - 60_000 && t <= run.end + WRITTEN_WINDOW_MS) {
      return `<run+${Math.round((t - run.start) / 60_000) * 60}s>`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, run));
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, normalise(v, run)]));
  }
  return value;
}

/** The differences between two snapshots, one line per file that differs. */
export function compareSsoTokenCache(botocore: SsoTokenCacheSnapshot, credchain: SsoTokenCacheSnapshot): string[] {
  const names = [...new Set([...Object.keys(botocore), ...Object.keys(credchain)])].sort();
  const differences: string[] = [];
  for (const name of names) {
    const a = name in botocore ? JSON.stringify(botocore[name]) : undefined;
    const b = name in credchain ? JSON.stringify(credchain[name]) : undefined;
    if (a !== b) differences.push(`SsoTokenCache ${name}: botocore ${a ?? "(no file)"}, credchain ${b ?? "(no file)"}`);
  }
  return differences;
}
