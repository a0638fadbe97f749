import { defineConfig } from "vitest/config";

// The differential suite: every scenario folder runs the real `credchain` CLI in a child
// process, so give each test room and keep the parallelism modest (2-core machines).
export default defineConfig({
  test: {
    include: ["test/**/*.conformance.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 1,
  },
});
