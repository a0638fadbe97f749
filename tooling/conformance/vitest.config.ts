import { defineConfig } from "vitest/config";

// Unit tests of the runner itself; the differential suite has its own config
// (vitest.conformance.config.ts) so `vitest run` stays fast and needs no CLI build.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
  },
});
