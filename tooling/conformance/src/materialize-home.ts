import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HOME_PLACEHOLDER, substitutePlaceholders } from "./placeholders.js";

export interface MaterializedHome {
  /** The temp directory to use as HOME. */
  home: string;
  /** Removes it. */
  cleanup: () => void;
}

const PLACEHOLDER_BYTES = Buffer.from(HOME_PLACEHOLDER, "utf8");

/**
 * Copies a scenario's home/ into a fresh temp directory and substitutes `{{HOME}}` inside the
 * files that contain it. Files without the placeholder are copied byte for byte, so BOMs, CRLF
 * and odd bytes reach both implementations unchanged.
 */
export function materializeHome(homeDir: string): MaterializedHome {
  const home = mkdtempSync(join(tmpdir(), "credchain-conformance-"));
  if (existsSync(homeDir)) {
    cpSync(homeDir, home, { recursive: true });
    substituteInTree(home, home);
  }
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

function substituteInTree(dir: string, home: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      substituteInTree(path, home);
    } else if (entry.isFile()) {
      const bytes = readFileSync(path);
      if (bytes.includes(PLACEHOLDER_BYTES)) {
        writeFileSync(path, substitutePlaceholders(bytes.toString("utf8"), home));
      }
    }
  }
}
