// The test suite in three tiers, by file name:
//   unit     tests/*.test.ts          pure code: notation, story, import, export, round trips, helpers
//   site     tests/*.site.test.ts     real builds, run in this process
//   browser  tests/*.browser.test.ts  anything that drives Chromium (the audit, the reader's journeys)
// `npm test` runs all three; `npm run test:unit` is the inner loop (a unit test that tries to
// build a site fails: tests/helpers/build.ts checks the tier). The unit tier shares one module
// graph per worker (isolate: false): the code keeps no module state, and loading the language
// detector and the importers once instead of once per file halves the tier's CPU time.
import { defineConfig } from "vitest/config";

const SITE = "tests/**/*.site.test.ts";
const BROWSER = "tests/**/*.browser.test.ts";

export default defineConfig({
  test: {
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // Site builds and Chromium runs are heavy; two cores here.
    maxWorkers: 2,
    // Removes each file's throwaway folders; VERBATIM_COUNT_ASSERTIONS=file tallies assertions per test.
    setupFiles: ["tests/helpers/setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [SITE, BROWSER], isolate: false, env: { VERBATIM_TEST_TIER: "unit" } } },
      { extends: true, test: { name: "site", include: [SITE], env: { VERBATIM_TEST_TIER: "site" } } },
      { extends: true, test: { name: "browser", include: [BROWSER], env: { VERBATIM_TEST_TIER: "browser" } } },
    ],
  },
});
