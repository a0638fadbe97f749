import { fileURLToPath } from "node:url";
import { buildIfStale } from "@credchain/test-utils";

// The tests import @credchain/emulator through its dist; when they run on their own after a
// change to its source, build it (its real build) so they run against that source.
export default function setup(): void {
  buildIfStale(fileURLToPath(new URL("../node_modules/@credchain/emulator/", import.meta.url)));
}
