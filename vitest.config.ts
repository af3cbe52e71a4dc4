import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // Site builds and Chromium runs are heavy; two cores here.
    maxWorkers: 2,
  },
});
