import { fileURLToPath } from "node:url";
import { buildIfStale } from "@credchain/test-utils";

// The bin imports ../dist/cli.js: when the tests run on their own after a source change, build
// this package first (its real build) so the command tests run the current source.
export default function setup(): void {
  buildIfStale(fileURLToPath(new URL("..", import.meta.url)));
}
