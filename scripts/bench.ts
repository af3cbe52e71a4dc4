// npm run bench (every benchmark) · npm run bench:audit (generated pages and the sample site) · npm run bench:images
// npm run bench -- --only audit-site · npm run bench -- --only audit-shards [--shard-pages 1000] [--shards 4]
// npm run bench -- --only scale --stories 1000,10000,50000 [--rounds 3]
// npm run bench -- --only preview --stories 1000,10000 (npm start: first start, save, add, rename, delete)
// npm run bench -- --only publish --stories 1000 (one new story built and audited with the caches of the first build)
// Measures against the anchors the issues name, in the same run, and writes BENCHMARKS.md.

import path from "node:path";
import { parseArgs } from "node:util";
import { benchAudit } from "../src/bench/audit-bench.ts";
import { benchAuditShards } from "../src/bench/audit-shard-bench.ts";
import { benchAuditSite } from "../src/bench/audit-site-bench.ts";
import { auditSection, auditShardSection, auditSiteSection, updateBenchmarks } from "../src/bench/benchmarks-file.ts";
import { benchImages, imagesSection } from "../src/bench/image-bench.ts";
import { benchPreview, previewSection, type PreviewBenchResult } from "../src/bench/preview-bench.ts";
import { benchPublish, publishSection } from "../src/bench/publish-bench.ts";
import { benchScale, scaleIntro, scaleSection } from "../src/bench/scale-bench.ts";

const BENCHMARKS = ["audit", "audit-site", "audit-shards", "images", "scale", "preview", "publish"];

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      pages: { type: "string", default: "200" },
      "shard-pages": { type: "string", default: "1000" },
      shards: { type: "string", default: "4" },
      // By benchmark: scale and preview at 1,000 and 10,000 stories, publish at 1,000.
      stories: { type: "string" },
      rounds: { type: "string", default: "3" },
    },
  });
  const root = process.cwd();
  const log = (line: string) => console.log(line);
  if (values.only && !BENCHMARKS.includes(values.only)) throw new Error(`--only takes one of ${BENCHMARKS.join(", ")}, not "${values.only}".`);
  if (!values.only || values.only === "audit") {
    const result = await benchAudit(root, log, Number(values.pages));
    const section = auditSection(result, new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "audit", section);
    console.log(`\n${section}`);
  }
  if (!values.only || values.only === "audit" || values.only === "audit-site") {
    const result = await benchAuditSite(root, log);
    const section = auditSiteSection(result, new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "audit-site", section);
    console.log(`\n${section}`);
  }
  if (!values.only || values.only === "audit-shards") {
    const result = await benchAuditShards(root, log, Number(values["shard-pages"]), Number(values.shards));
    const section = auditShardSection(result, new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "audit-shards", section);
    console.log(`\n${section}`);
  }
  if (!values.only || values.only === "images") {
    const result = await benchImages(log);
    const section = imagesSection(result, new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "images", section);
    console.log(`\n${section}`);
  }
  if (!values.only || values.only === "scale") {
    const counts = storyCounts(values.stories ?? "1000,10000");
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "scale", scaleIntro());
    for (const count of counts) {
      const result = await benchScale(root, count, log, Number(values.rounds));
      const section = scaleSection(result, new Date());
      updateBenchmarks(path.join(root, "BENCHMARKS.md"), `scale-${count}`, section);
      console.log(`\n${section}`);
    }
  }
  if (!values.only || values.only === "preview") {
    const results: PreviewBenchResult[] = [];
    for (const count of storyCounts(values.stories ?? "1000,10000")) results.push(await benchPreview(root, count, log));
    const section = previewSection(results, new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "preview", section);
    console.log(`\n${section}`);
  }
  // The first build audits every page of the archive: an hour at 10,000 stories on 2 cores, so
  // this one runs only when asked for, at 1,000 stories unless told otherwise.
  if (values.only === "publish") {
    const [count = 1000] = storyCounts(values.stories ?? "1000");
    const section = publishSection(await benchPublish(root, count, log), new Date());
    updateBenchmarks(path.join(root, "BENCHMARKS.md"), "publish", section);
    console.log(`\n${section}`);
  }
  return 0;
}

function storyCounts(list: string): number[] {
  const counts = list.split(",").map((n) => Number(n.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--stories takes whole numbers separated by commas, like 1000,10000, not "${list}".`);
  return counts;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`Benchmark failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
