import { defineConfig } from "vitest/config";

// One pack and one npm install (global setup) for every test file; the files then read the
// installed project only, so they may run side by side.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
  },
});
