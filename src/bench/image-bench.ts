// The image benchmark, as steps: generate four shows' art (photo-like: shapes under grain) and
// 1,000 stories; plan each show's cover and feed art and each story's social card; render them all
// cold (empty cache), then warm (everything cached) into a fresh folder; and measure the AVIF
// encoder at a few efforts on one 1280-wide cover. All in one run, on one machine.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { AVIF_EFFORT, ENCODING } from "../images/encode.ts";
import { cardFormat, imageInfo, planCard, planCover, planFeedArt, renderImages, type ImageJob, type ImageReport, type PlannedCard } from "../images/index.ts";
import { threadsPerImage } from "../images/render.ts";
import { generateStory } from "./generate.ts";

const SHOWS: Array<{ name: string; colours: [string, string, string] }> = [
  { name: "Night Desk", colours: ["#0f2a4a", "#1f4e79", "#f2c14e"] },
  { name: "The Long Table", colours: ["#5b3a29", "#a0522d", "#f4e1c1"] },
  { name: "Harbor Hours", colours: ["#124e66", "#2e8b99", "#f7a072"] },
  { name: "Weekend Edition Local", colours: ["#3c1642", "#086375", "#affc41"] },
];
const EFFORTS = [0, 2, 3, 4];

export interface RunFigures {
  seconds: number;
  perSecond: number;
  report: ImageReport;
}

export interface ImageBenchResult {
  stories: number;
  shows: number;
  jobs: { total: number; cards: number; covers: number; feedArt: number };
  cold: RunFigures;
  warm: RunFigures;
  /** warm seconds / cold seconds */
  ratio: number;
  /** The first story's card: its bytes and its format ("jpeg" with the photo-like art, card-format.ts). */
  bytes: { card: number; cardFormat?: string; cover1280: Record<string, number> };
  avif: { chosen: number; sources: string[]; efforts: Array<{ effort: number; seconds: number[]; kb: number[] }> };
  concurrency: number;
  threadsPerImage: number;
  machine: Record<string, string>;
}

/** Photo-like art: gradients and shapes under gaussian grain, so encoders work as hard as on a photo. */
async function makeArt(file: string, width: number, height: number, colours: [string, string, string], label: string, grainy = true): Promise<void> {
  const [deep, mid, light] = colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${mid}"/></linearGradient>
<radialGradient id="r"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${light}" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<circle cx="${width * 0.68}" cy="${height * 0.32}" r="${Math.min(width, height) * 0.22}" fill="url(#r)"/>
<path d="M0 ${height * 0.74} Q ${width * 0.3} ${height * 0.58} ${width * 0.55} ${height * 0.7} T ${width} ${height * 0.66} V ${height} H 0 Z" fill="${deep}" opacity=".85"/>
<text x="${width * 0.08}" y="${height * 0.2}" font-family="DejaVu Sans" font-weight="700" font-size="${Math.round(height / 12)}" fill="${light}">${label}</text>
</svg>`;
  const image = sharp(Buffer.from(svg));
  if (grainy) {
    const grain = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 22 } } }).png().toBuffer();
    image.composite([{ input: grain, blend: "overlay" }]);
  }
  await image.jpeg({ quality: 90 }).toFile(file);
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** The card fields of generated story n, read from its front matter. */
function storyCard(n: number): { slug: string; title: string; show: string; date: string } {
  const story = generateStory(n);
  const field = (name: string) => new RegExp(`^${name}: "?(.*?)"?$`, "mu").exec(story.text)?.[1] ?? "";
  return { slug: story.slug, title: field("title"), show: field("show"), date: LONG_DATE.format(new Date(`${field("date")}T00:00:00Z`)) };
}

async function timed(jobs: ImageJob[], outputDir: string, cacheDir: string): Promise<RunFigures> {
  const started = performance.now();
  const report = await renderImages(jobs, { outputDir, cacheDir });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: jobs.length / seconds, report };
}

/** One 1280-wide AVIF per effort and source, with the threads the pipeline gives each image. */
async function measureAvif(sources: string[], threads: number): Promise<ImageBenchResult["avif"]["efforts"]> {
  const previous = sharp.concurrency();
  sharp.concurrency(threads);
  try {
    const efforts: ImageBenchResult["avif"]["efforts"] = [];
    for (const effort of EFFORTS) {
      const row = { effort, seconds: [] as number[], kb: [] as number[] };
      for (const source of sources) {
        const started = performance.now();
        const data = await sharp(source).resize(1280).avif({ ...ENCODING.avif, effort }).toBuffer();
        row.seconds.push((performance.now() - started) / 1000);
        row.kb.push(data.length / 1024);
      }
      efforts.push(row);
    }
    return efforts;
  } finally {
    sharp.concurrency(previous);
  }
}

export async function benchImages(log: (line: string) => void, count = 1000): Promise<ImageBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-image-bench-"));
  try {
    log(`Generating ${SHOWS.length} shows' art (3000×3000) and ${count} stories…`);
    const art = new Map<string, string>();
    for (const [i, show] of SHOWS.entries()) {
      const file = path.join(dir, `show-${i}.jpg`);
      await makeArt(file, 3000, 3000, show.colours, show.name.toUpperCase());
      art.set(show.name, file);
    }
    const jobs: ImageJob[] = [];
    const counts = { cards: 0, covers: 0, feedArt: 0 };
    const cardArt = new Map<string, { file: string; hash: string; format: "png" | "jpeg" }>();
    const cover1280Jobs: ImageJob[] = [];
    for (const [i, show] of SHOWS.entries()) {
      const file = art.get(show.name) as string;
      const info = await imageInfo(file);
      cardArt.set(show.name, { file, hash: info.hash, format: await cardFormat({ file, hash: info.hash }) });
      const cover = planCover({ file, ...info }, `images/shows/show-${i}/art`).jobs;
      const feed = planFeedArt({ file, ...info }, `images/shows/show-${i}/feed`).jobs;
      if (i === 0) cover1280Jobs.push(...cover.filter((job) => job.recipe.kind === "resize" && job.recipe.width === 1280));
      jobs.push(...cover, ...feed);
      counts.covers += cover.length;
      counts.feedArt += feed.length;
    }
    let firstCard: PlannedCard | undefined;
    for (let n = 1; n <= count; n++) {
      const { slug, title, show, date } = storyCard(n);
      const showArt = cardArt.get(show);
      const card = planCard({ title, show, date, format: showArt?.format ?? "png", ...(showArt ? { art: showArt.file } : {}) }, `images/stories/${slug}/card`, showArt?.hash);
      firstCard ??= card;
      jobs.push(...card.jobs);
      counts.cards += 1;
    }

    const cacheDir = path.join(dir, ".cache/images");
    const concurrency = os.availableParallelism();
    log(`Rendering ${jobs.length} images cold (empty cache, ${concurrency} at once)…`);
    const cold = await timed(jobs, path.join(dir, "site-cold"), cacheDir);
    log(`  ${cold.seconds.toFixed(1)} s: ${cold.report.rendered} rendered, ${cold.report.cached} cached`);
    log("Rendering them again warm (everything cached) into a fresh folder…");
    const warm = await timed(jobs, path.join(dir, "site-warm"), cacheDir);
    log(`  ${warm.seconds.toFixed(2)} s: ${warm.report.rendered} rendered, ${warm.report.cached} cached`);

    const site = path.join(dir, "site-cold");
    const cardBytes = firstCard?.jobs[0] ? fs.statSync(path.join(site, firstCard.jobs[0].output)).size : 0;
    const cover1280: Record<string, number> = {};
    for (const job of cover1280Jobs) cover1280[path.extname(job.output).slice(1)] = fs.statSync(path.join(site, job.output)).size;

    log(`Measuring AVIF efforts ${EFFORTS.join(", ")} on 2400×1500 covers (photo-like and flat) resized to 1280…`);
    const photo = path.join(dir, "cover-photo.jpg");
    const flat = path.join(dir, "cover-flat.jpg");
    await makeArt(photo, 2400, 1500, ["#1d3557", "#e07a5f", "#f4d35e"], "");
    await makeArt(flat, 2400, 1500, ["#1d3557", "#e07a5f", "#f4d35e"], "", false);
    const threads = threadsPerImage(concurrency);
    const efforts = await measureAvif([photo, flat], threads);

    return {
      stories: count,
      shows: SHOWS.length,
      jobs: { total: jobs.length, ...counts },
      cold,
      warm,
      ratio: warm.seconds / cold.seconds,
      bytes: { card: cardBytes, ...(firstCard ? { cardFormat: firstCard.type === "image/jpeg" ? "JPEG" : "palette PNG" } : {}), cover1280 },
      avif: { chosen: AVIF_EFFORT, sources: ["photo-like", "flat"], efforts },
      concurrency,
      threadsPerImage: threads,
      machine: { cores: String(os.availableParallelism()), node: process.version, sharp: sharp.versions.sharp, libvips: sharp.versions.vips, aom: sharp.versions.aom ?? "?" },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const s = (n: number, digits = 2) => n.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function imagesSection(r: ImageBenchResult, date: Date): string {
  const machine = Object.entries(r.machine).map(([k, v]) => `${k} ${v}`).join(", ");
  const chosen = r.avif.efforts.find((e) => e.effort === r.avif.chosen);
  const efforts = r.avif.efforts
    .map((e) => `| ${e.effort}${e.effort === r.avif.chosen ? " (chosen)" : ""} | ${e.seconds.map((sec, i) => `${s(sec)} | ${s(e.kb[i] ?? 0, 1)}`).join(" | ")} |`)
    .join("\n");
  const heads = r.avif.sources.map((source) => `${source}: s | ${source}: KB`).join(" | ");
  const rule = r.avif.sources.map(() => "---:|---:").join("|");
  return `## Images (\`npm run bench:images\`)

${date.toISOString().slice(0, 10)} · ${r.stories} generated stories (a social card each, with its show's art) and ${r.shows} shows (responsive cover: ${r.jobs.covers / r.shows} variants each; feed art 3000×3000) from generated 3000×3000 photo-like art: ${r.jobs.total} images · ${r.concurrency} images at once, ${r.threadsPerImage} libvips thread${r.threadsPerImage === 1 ? "" : "s"} each · ${machine}

| run | seconds | images per second | rendered | from cache |
|---|---:|---:|---:|---:|
| cold (empty cache) | ${s(r.cold.seconds)} | ${s(r.cold.perSecond, 0)} | ${r.cold.report.rendered} | ${r.cold.report.cached} |
| warm (everything cached, into a fresh folder) | ${s(r.warm.seconds)} | ${s(r.warm.perSecond, 0)} | ${r.warm.report.rendered} | ${r.warm.report.cached} |

- Warm/cold: **${s(r.ratio, 3)}** (the warm run takes ${s(r.ratio * 100, 1)} % of the cold one: it hashes each source once and copies ${r.jobs.total} files out of the cache, no image is decoded).
- Sizes: a social card ${kb(r.bytes.card)} (${r.bytes.cardFormat ?? "PNG"}); a 1280-wide cover ${Object.entries(r.bytes.cover1280).map(([ext, bytes]) => `${ext.toUpperCase()} ${kb(bytes)}`).join(", ")}.
- AVIF effort **${r.avif.chosen}**${chosen ? ` costs ${s(chosen.seconds[0] ?? 0)} s (${s(chosen.kb[0] ?? 0, 1)} KB) on a photo-like cover and ${s(chosen.seconds[1] ?? 0)} s (${s(chosen.kb[1] ?? 0, 1)} KB) on a flat one` : ""}: one 2400×1500 JPEG resized to 1280×800, quality ${ENCODING.avif.quality}, ${ENCODING.avif.chromaSubsampling}, ${r.threadsPerImage} thread${r.threadsPerImage === 1 ? "" : "s"}:

| AVIF effort | ${heads} |
|---:|${rule}|
${efforts}
`;
}
