import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasPlaceholder, substitutePlaceholders, type PlaceholderValues } from "./placeholders.js";

export interface MaterializedHome {
  /** The temp directory to use as HOME. */
  home: string;
  /** Removes it. */
  cleanup: () => void;
}

/**
 * Copies a scenario's home/ into a fresh temp directory and substitutes `{{HOME}}` (and the
 * emulator placeholders in `extra`, e.g. `{ IMDS_URL: "http://127.0.0.1:4321" }`) inside the
 * files that contain one. Files without a placeholder are copied byte for byte, so BOMs, CRLF
 * and odd bytes reach both implementations unchanged.
 */
export function materializeHome(homeDir: string, extra: Record<string, string> = {}): MaterializedHome {
  const home = mkdtempSync(join(tmpdir(), "credchain-conformance-"));
  if (existsSync(homeDir)) {
    cpSync(homeDir, home, { recursive: true });
    substituteInTree(home, { ...extra, HOME: home });
  }
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

function substituteInTree(dir: string, values: PlaceholderValues): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      substituteInTree(path, values);
    } else if (entry.isFile()) {
      const bytes = readFileSync(path);
      if (hasPlaceholder(bytes, values)) {
        writeFileSync(path, substitutePlaceholders(bytes.toString("utf8"), values));
      }
    }
  }
}
