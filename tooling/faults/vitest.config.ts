import { defineConfig } from "vitest/config";

// Each case spawns the real CLI; files run one at a time so concurrent-writer cases measure
// contention between their own processes, not with the rest of the suite.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
  },
});
