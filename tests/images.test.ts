// The image pipeline: plans (widths, srcset, feed art rules, cards), real renders read back with
// sharp (sizes and formats of every variant, the centre crop, orientation, flattened JPEG, a card
// that is not blank), the cache (a warm run starts no sharp pipeline and rewrites no entry; a
// changed source renders only its own jobs), errors naming the file, and the card font check.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKey, SourceHashes } from "../src/images/cache.ts";
import { cardFontChain } from "../src/images/card-fonts.ts";
import { CARD_ART, cardSvg, xmlText } from "../src/images/card-svg.ts";
import { isHashedName } from "../src/site/headers.ts";
import { AVIF_EFFORT, imageWork } from "../src/images/encode.ts";
import {
  checkCardFont,
  COVER_WIDTHS,
  ImageError,
  imageInfo,
  planCard,
  planCover,
  planFeedArt,
  renderImages,
  type ImageJob,
} from "../src/images/index.ts";
import { runPool } from "../src/images/pool.ts";
import { threadsPerImage } from "../src/images/render.ts";
import { fontFamilies } from "../src/images/sfnt.ts";
import { fitLines, textWidth } from "../src/images/text-fit.ts";

const FIXTURES = path.resolve("tests/fixtures/images");
const fixture = (name: string) => path.join(FIXTURES, name);
const LANDSCAPE = { file: fixture("landscape.jpg"), width: 1400, height: 933 };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-images-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh site and cache folder per test. */
function dirs(name: string) {
  const root = path.join(tmp, name);
  return { root, outputDir: path.join(root, "site"), cacheDir: path.join(root, "cache") };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function meta(file: string) {
  const m = await sharp(file).metadata();
  // AVIF reads back as HEIF with AV1 inside.
  return { width: m.width, height: m.height, format: m.format === "heif" && m.compression === "av1" ? "avif" : m.format, channels: m.channels };
}

async function regionStats(file: string, region: { left: number; top: number; width: number; height: number }) {
  // stats() reads the input image, not the pipeline's output: extract into a buffer first.
  const stats = await sharp(await sharp(file).extract(region).png().toBuffer()).stats();
  return { mean: stats.channels.slice(0, 3).map((c) => c.mean), stdev: Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev)) };
}

async function errorOf(promise: Promise<unknown>): Promise<ImageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImageError) return error;
    throw error;
  }
  throw new Error("expected an ImageError");
}

describe("planCover", () => {
  it("offers every cover width the source allows in AVIF, WebP and JPEG, with exact srcsets", () => {
    const { jobs, picture } = planCover(LANDSCAPE, "images/shows/night-desk/cover");
    expect(COVER_WIDTHS).toEqual([320, 640, 960, 1280]);
    expect(jobs).toHaveLength(12);
    expect(picture.sources).toEqual([
      {
        type: "image/avif",
        srcset: "/images/shows/night-desk/cover-320.avif 320w, /images/shows/night-desk/cover-640.avif 640w, /images/shows/night-desk/cover-960.avif 960w, /images/shows/night-desk/cover-1280.avif 1280w",
      },
      {
        type: "image/webp",
        srcset: "/images/shows/night-desk/cover-320.webp 320w, /images/shows/night-desk/cover-640.webp 640w, /images/shows/night-desk/cover-960.webp 960w, /images/shows/night-desk/cover-1280.webp 1280w",
      },
    ]);
    expect(picture.srcset).toBe("/images/shows/night-desk/cover-320.jpg 320w, /images/shows/night-desk/cover-640.jpg 640w, /images/shows/night-desk/cover-960.jpg 960w, /images/shows/night-desk/cover-1280.jpg 1280w");
    expect(picture.src).toBe("/images/shows/night-desk/cover-640.jpg");
    // The largest variant, aspect ratio kept: 1280 × 933/1400 = 853.03.
    expect([picture.width, picture.height]).toEqual([1280, 853]);
    expect(jobs[0]).toEqual({ source: LANDSCAPE.file, recipe: { kind: "resize", width: 320, format: "avif" }, output: "images/shows/night-desk/cover-320.avif" });
  });

  it("never enlarges: a 1000 px source stops at 960, one narrower than 320 keeps its own width", () => {
    const mid = planCover({ file: "/x/mid.jpg", width: 1000, height: 500 }, "images/a");
    expect(mid.picture.srcset).toBe("/images/a-320.jpg 320w, /images/a-640.jpg 640w, /images/a-960.jpg 960w");
    expect([mid.picture.width, mid.picture.height]).toEqual([960, 480]);
    const tiny = planCover({ file: "/x/tiny.png", width: 200, height: 120 }, "images/b");
    expect(tiny.jobs.map((j) => j.output)).toEqual(["images/b-200.avif", "images/b-200.webp", "images/b-200.jpg"]);
    expect(tiny.picture).toMatchObject({ src: "/images/b-200.jpg", width: 200, height: 120 });
  });

  it("rejects a size that is not a real one", () => {
    expect(() => planCover({ file: "/x/a.jpg", width: 0, height: 10 }, "images/a")).toThrow(ImageError);
  });
});

describe("planFeedArt", () => {
  it("is 3000×3000 from a source at least that big, else the largest square the source allows", () => {
    expect(planFeedArt({ file: "/x/a.jpg", width: 4000, height: 3500 }, "images/shows/a/feed")).toMatchObject({ size: 3000, url: "/images/shows/a/feed-3000.jpg" });
    const wide = planFeedArt({ file: "/x/b.jpg", width: 2000, height: 1500 }, "images/shows/b/feed");
    expect(wide.size).toBe(1500);
    expect(wide.jobs).toEqual([{ source: "/x/b.jpg", recipe: { kind: "resize", width: 1500, height: 1500, format: "jpeg" }, output: "images/shows/b/feed-1500.jpg" }]);
    expect(planFeedArt({ file: "/x/c.png", width: 1400, height: 1400 }, "f").size).toBe(1400);
  });

  it("refuses a source under 1400 px on its short side, naming the file and the size needed", () => {
    const error = (() => {
      try {
        planFeedArt({ file: "/shows/night-desk/art.png", width: 2400, height: 1399 }, "f");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImageError);
    const { file, problem, fix, message } = error as ImageError;
    expect(file).toBe("/shows/night-desk/art.png");
    expect(problem).toContain("1400");
    expect(fix).toContain("3000×3000");
    expect(message).toBe(`/shows/night-desk/art.png: ${problem} Fix: ${fix}`);
  });
});

describe("planCard", () => {
  it("plans one 1200×630 card in the format given, its source the show's art, named by its cache key", async () => {
    const art = fixture("art-3000.png");
    const hash = await new SourceHashes().get(art);
    const card = planCard({ title: "The Night Ferry Returns", show: "Night Desk", date: "April 21, 2026", art, lang: "en", format: "jpeg" }, "images/stories/night-ferry/card", hash);
    const job = card.jobs[0] as ImageJob;
    const key = await cacheKey(job, new SourceHashes());
    expect(card).toEqual({
      jobs: [
        {
          source: art,
          recipe: { kind: "card", title: "The Night Ferry Returns", show: "Night Desk", date: "April 21, 2026", art, lang: "en", format: "jpeg" },
          output: `images/stories/night-ferry/card-${key.slice(0, 10)}.jpg`,
        },
      ],
      url: `/images/stories/night-ferry/card-${key.slice(0, 10)}.jpg`,
      type: "image/jpeg",
      width: 1200,
      height: 630,
    });
    expect(isHashedName(job.output)).toBe(true);
    const plain = planCard({ title: "T", show: "S", date: "D", format: "png" }, "images/stories/t/card");
    expect(plain.jobs[0]?.output).toBe(`images/stories/t/card-${(await cacheKey(plain.jobs[0] as ImageJob, new SourceHashes())).slice(0, 10)}.png`);
    expect(plain.type).toBe("image/png");
    // Art whose bytes were not read: a plain name, which no host keeps for a year.
    expect(planCard({ title: "T", show: "S", date: "D", art, format: "png" }, "c").jobs[0]?.output).toBe("c.png");
  });
});

describe("card design (SVG)", () => {
  it("escapes text for XML and drops characters XML forbids", () => {
    expect(xmlText(`Bells & <Whistles> "quoted" it's\u0007 \ud800ok`)).toBe("Bells &amp; &lt;Whistles&gt; &quot;quoted&quot; it&apos;s ok");
    const svg = cardSvg({ title: "</text><script>alert(1)</script>", show: "A & B", date: "March 14, 2026" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;");
    expect(svg).toContain("A &amp; B");
    expect(svg).toMatch(/font-family="'DejaVu Sans', 'Noto Sans', 'Noto Sans Arabic', [^"]*'Noto Sans CJK JP', [^"]*sans-serif"/u);
  });

  it("wraps a long title to at most four lines that fit, ending in an ellipsis", () => {
    const title = "After six years the night ferry is running again and the workers who kept it afloat through every winter have stories to tell about the river, the council and each other";
    const { measure } = cardFontChain("en", title, "bold");
    const fitted = fitLines(title, 592, 44, 4, measure);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toHaveLength(4);
    expect(fitted.lines.at(-1)?.endsWith("…")).toBe(true);
    for (const line of fitted.lines) expect(textWidth(line, 44, measure)).toBeLessThanOrEqual(592);
    expect(fitLines("Short title", 592, 60, 3, measure)).toEqual({ lines: ["Short title"], truncated: false });
    // A word longer than a line is cut into pieces, not left to overflow.
    for (const line of fitLines("x".repeat(200), 300, 40, 4, measure).lines) expect(textWidth(line, 40, measure)).toBeLessThanOrEqual(300);
    const svg = cardSvg({ title, show: "Night Desk", date: "April 21, 2026", art: "/a.png" });
    expect(svg.match(/<tspan /gu)?.length).toBeLessThanOrEqual(4);
  });
});

describe("renderImages", () => {
  it("writes every cover variant at its planned size and format, and the feed art as a centre-cropped square JPEG", async () => {
    const { outputDir, cacheDir } = dirs("variants");
    const cover = planCover(LANDSCAPE, "images/shows/test/cover");
    const feed = planFeedArt({ file: fixture("bands-2000x1500.jpg"), width: 2000, height: 1500 }, "images/shows/test/feed");
    const big = planFeedArt({ file: fixture("art-3000.png"), width: 3000, height: 3000 }, "images/shows/big/feed");
    const report = await renderImages([...cover.jobs, ...feed.jobs, ...big.jobs], { outputDir, cacheDir });
    expect(report).toMatchObject({ rendered: 14, cached: 0 });

    for (const job of cover.jobs) {
      const recipe = job.recipe as { width: number; format: string };
      expect(await meta(path.join(outputDir, job.output)), job.output).toMatchObject({ width: recipe.width, height: Math.round((recipe.width * 933) / 1400), format: recipe.format });
    }
    const largest = await meta(path.join(outputDir, "images/shows/test/cover-1280.jpg"));
    expect([largest.width, largest.height]).toEqual([cover.picture.width, cover.picture.height]);

    const feedFile = path.join(outputDir, feed.url);
    expect(await meta(feedFile)).toMatchObject({ width: 1500, height: 1500, format: "jpeg" });
    // The 2000×1500 source has red and blue 250 px bands at its sides: the centre square is green.
    for (const left of [0, 1460]) {
      const { mean } = await regionStats(feedFile, { left, top: 700, width: 40, height: 40 });
      expect(mean[1], `green at x=${left}`).toBeGreaterThan(130);
      expect(Math.max(mean[0] ?? 0, mean[2] ?? 0)).toBeLessThan(90);
    }
    expect(await meta(path.join(outputDir, big.url))).toMatchObject({ width: 3000, height: 3000, format: "jpeg" });
    expect(filesUnder(outputDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("turns a photo by its EXIF orientation, and flattens transparency onto white in JPEG only", async () => {
    const { outputDir, cacheDir } = dirs("orientation");
    const rotated = await imageInfo(fixture("rotated.jpg"));
    expect(rotated).toMatchObject({ width: 400, height: 600, format: "jpeg" });
    const cover = planCover({ file: fixture("rotated.jpg"), width: rotated.width, height: rotated.height }, "images/r");
    expect([cover.picture.width, cover.picture.height]).toEqual([320, 480]);
    const alpha = planCover({ file: fixture("transparent.png"), width: 400, height: 400 }, "images/t");
    await renderImages([...cover.jobs, ...alpha.jobs], { outputDir, cacheDir });
    expect(await meta(path.join(outputDir, "images/r-320.webp"))).toMatchObject({ width: 320, height: 480, format: "webp" });
    const corner = { left: 0, top: 0, width: 20, height: 20 };
    expect((await regionStats(path.join(outputDir, "images/t-320.jpg"), corner)).mean.every((v) => v > 245)).toBe(true);
    expect((await meta(path.join(outputDir, "images/t-320.webp"))).channels).toBe(4);
  });

  it("draws a 1200×630 card that is not blank, with the art on the left when there is art", async () => {
    const { outputDir, cacheDir } = dirs("card");
    const withArt = planCard({ title: "The Night Ferry Returns", show: "Night Desk", date: "April 21, 2026", art: fixture("art-3000.png"), format: "png" }, "images/stories/a/card");
    const without = planCard({ title: "Bread That Remembers: A Baker & Her <Oven>", show: "Weekend Edition Local", date: "January 3, 2026", format: "png" }, "images/stories/b/card");
    const jpeg = planCard({ title: "The Night Ferry Returns", show: "Night Desk", date: "April 21, 2026", art: fixture("art-3000.png"), format: "jpeg" }, "images/stories/c/card");
    await renderImages([...withArt.jobs, ...without.jobs, ...jpeg.jobs], { outputDir, cacheDir });
    for (const card of [withArt, without]) {
      const file = path.join(outputDir, card.url);
      // A palette PNG reads back as three channels of its 256 colours.
      expect(await meta(file)).toMatchObject({ width: 1200, height: 630, format: "png", channels: 3 });
    }
    expect(await meta(path.join(outputDir, jpeg.url))).toMatchObject({ width: 1200, height: 630, format: "jpeg", channels: 3 });
    expect((await sharp(path.join(outputDir, jpeg.url)).metadata()).chromaSubsampling).toBe("4:4:4");
    const a = path.join(outputDir, withArt.url);
    const b = path.join(outputDir, without.url);
    // The background is one flat colour; the title area has white letters on it.
    const background = await regionStats(b, { left: 0, top: 0, width: 60, height: 60 });
    expect(background.stdev).toBeLessThan(1);
    const titleArea = await regionStats(b, { left: 72, top: 200, width: 1000, height: 240 });
    expect(titleArea.stdev).toBeGreaterThan(40);
    expect(titleArea.mean[0]).toBeGreaterThan((background.mean[0] ?? 0) + 15);
    const textBeside = await regionStats(a, { left: 536, top: 200, width: 560, height: 160 });
    expect(textBeside.stdev).toBeGreaterThan(40);
    // The art square: the fixture's sky (#3d405b) fills its top, its rounded corner shows the background.
    const sky = await regionStats(a, { left: CARD_ART.left + 40, top: CARD_ART.top + 40, width: 40, height: 40 });
    [0x3d, 0x40, 0x5b].forEach((value, i) => expect(Math.abs((sky.mean[i] ?? 0) - value)).toBeLessThan(8));
    const corner = await regionStats(a, { left: CARD_ART.left, top: CARD_ART.top, width: 3, height: 3 });
    expect(corner.mean.map(Math.round)).toEqual(background.mean.map(Math.round));
  });

  it("serves a second run from the cache: nothing rendered, no sharp pipeline, entries untouched, same bytes", async () => {
    const { root, outputDir, cacheDir } = dirs("warm");
    const jobs = [...planCover(LANDSCAPE, "images/c/cover").jobs, ...planCard({ title: "Warm", show: "Night Desk", date: "May 1, 2026", art: fixture("art-3000.png"), format: "png" }, "images/c/card").jobs];
    const cold = await renderImages(jobs, { outputDir, cacheDir });
    expect(cold).toMatchObject({ rendered: 13, cached: 0 });
    const entries = filesUnder(cacheDir);
    expect(entries).toHaveLength(13);
    const mtimes = entries.map((f) => fs.statSync(f).mtimeMs);

    const pipelines = imageWork.pipelines;
    const secondSite = path.join(root, "site-2");
    const warm = await renderImages(jobs, { outputDir: secondSite, cacheDir });
    expect(warm).toMatchObject({ rendered: 0, cached: 13 });
    expect(imageWork.pipelines).toBe(pipelines);
    expect(filesUnder(cacheDir)).toEqual(entries);
    expect(entries.map((f) => fs.statSync(f).mtimeMs)).toEqual(mtimes);
    for (const job of jobs) expect(fs.readFileSync(path.join(secondSite, job.output)).equals(fs.readFileSync(path.join(outputDir, job.output)))).toBe(true);
    // Outputs are copies of their own: editing one in the site folder leaves the cache entry as it was.
    const placed = path.join(secondSite, jobs[0]?.output ?? "");
    expect(fs.statSync(placed).nlink).toBe(1);
    const entryBytes = entries.map((f) => fs.readFileSync(f));
    fs.writeFileSync(placed, "edited by hand");
    expect(entries.map((f) => fs.readFileSync(f))).toEqual(entryBytes);
    // A rebuild into the same folder puts the image back and leaves no temporary files.
    expect(await renderImages(jobs, { outputDir: secondSite, cacheDir })).toMatchObject({ rendered: 0, cached: 13 });
    expect(imageWork.pipelines).toBe(pipelines);
    expect(filesUnder(secondSite)).toHaveLength(13);
    expect(fs.readFileSync(placed).equals(fs.readFileSync(path.join(outputDir, jobs[0]?.output ?? "")))).toBe(true);
  });

  it("under a preview, leaves alone what an earlier run placed, puts back what was removed, replaces what changed; a fresh folder gets plain copies", async () => {
    const { root, outputDir, cacheDir } = dirs("placed");
    const card = (title: string) => planCard({ title, show: "Night Desk", date: "May 1, 2026", art: fixture("art-3000.png"), format: "png" }, "images/p/card").jobs;
    const jobs = [...planCover(LANDSCAPE, "images/p/cover").jobs, ...card("First")];
    await renderImages(jobs, { outputDir: path.join(root, "warm-up"), cacheDir });
    const placed = new Map<string, string>();
    // A fresh folder: every output is copied straight to its name, same bytes as the entry.
    expect(await renderImages(jobs, { outputDir, cacheDir, placed, fresh: true })).toMatchObject({ rendered: 0, cached: 13 });
    expect(placed.size).toBe(13);
    for (const job of jobs) expect(fs.readFileSync(path.join(outputDir, job.output)).equals(fs.readFileSync(path.join(root, "warm-up", job.output)))).toBe(true);
    const inode = (job: ImageJob | undefined) => fs.statSync(path.join(outputDir, job?.output ?? "")).ino;
    const before = jobs.map(inode);
    // Nothing changed: no output is copied again (each would get a new inode from the rename).
    await renderImages(jobs, { outputDir, cacheDir, placed });
    expect(jobs.map(inode)).toEqual(before);
    // One removed by hand is put back; the rest stay.
    fs.rmSync(path.join(outputDir, jobs[0]?.output ?? ""));
    await renderImages(jobs, { outputDir, cacheDir, placed });
    expect(fs.existsSync(path.join(outputDir, jobs[0]?.output ?? ""))).toBe(true);
    expect(jobs.slice(1).map(inode)).toEqual(before.slice(1));
    // The card's title changed: only the card is drawn and replaced.
    const edited = [...jobs.slice(0, 12), ...card("Second")];
    expect(await renderImages(edited, { outputDir, cacheDir, placed })).toMatchObject({ rendered: 1, cached: 12 });
    expect(edited.slice(1, 12).map(inode)).toEqual(before.slice(1, 12));
    expect(inode(edited[12])).not.toBe(before[12]);
    expect(filesUnder(outputDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // A card under a new name (names carry a hash of what they show): the old file goes.
    const renamed = planCard({ title: "Second", show: "Night Desk", date: "May 1, 2026", art: fixture("art-3000.png"), format: "png" }, "images/p/card-new").jobs;
    await renderImages([...jobs.slice(0, 12), ...renamed], { outputDir, cacheDir, placed });
    expect(fs.existsSync(path.join(outputDir, "images/p/card.png"))).toBe(false);
    expect(fs.existsSync(path.join(outputDir, "images/p/card-new.png"))).toBe(true);
    expect(filesUnder(outputDir)).toHaveLength(13);
  });

  it("renders again only the jobs of a source whose bytes changed, wherever the project lives", async () => {
    const { root, outputDir, cacheDir } = dirs("invalidate");
    fs.mkdirSync(path.join(root, "src"), { recursive: true });
    const a = path.join(root, "src/a.jpg");
    const b = path.join(root, "src/b.jpg");
    fs.copyFileSync(LANDSCAPE.file, a);
    fs.copyFileSync(fixture("bands-2000x1500.jpg"), b);
    const plan = () => [...planCover({ file: a, width: 1400, height: 933 }, "images/a").jobs, ...planCover({ file: b, width: 2000, height: 1500 }, "images/b").jobs];
    expect(await renderImages(plan(), { outputDir, cacheDir })).toMatchObject({ rendered: 24, cached: 0 });

    await sharp(LANDSCAPE.file).negate().jpeg().toFile(`${a}.new`);
    fs.renameSync(`${a}.new`, a);
    const pipelines = imageWork.pipelines;
    expect(await renderImages(plan(), { outputDir, cacheDir })).toMatchObject({ rendered: 12, cached: 12 });
    expect(imageWork.pipelines - pipelines).toBe(12);
    const after = await regionStats(path.join(outputDir, "images/a-320.jpg"), { left: 0, top: 0, width: 10, height: 10 });
    const original = await regionStats(LANDSCAPE.file, { left: 0, top: 0, width: 40, height: 40 });
    expect(Math.abs((after.mean[0] ?? 0) - (255 - (original.mean[0] ?? 0)))).toBeLessThan(8);

    // The key is the bytes, not the path: the same files elsewhere hit the same entries.
    const moved = path.join(root, "moved.jpg");
    fs.copyFileSync(b, moved);
    const movedJobs = planCover({ file: moved, width: 2000, height: 1500 }, "images/b").jobs;
    const hashes = new SourceHashes();
    expect(await cacheKey(movedJobs[0] as ImageJob, hashes)).toBe(await cacheKey(plan()[12] as ImageJob, hashes));
    expect(await renderImages(movedJobs, { outputDir: path.join(root, "site-moved"), cacheDir })).toMatchObject({ rendered: 0, cached: 12 });
  });

  it("keys a card by its text and its art's bytes, hashing each file once per run", async () => {
    const hashes = new SourceHashes();
    expect(hashes.get(LANDSCAPE.file)).toBe(hashes.get(LANDSCAPE.file));
    const key = (card: Parameters<typeof planCard>[0]) => cacheKey(planCard(card, "c").jobs[0] as ImageJob, hashes);
    const base = { title: "A", show: "S", date: "March 14, 2026", format: "png" } as const;
    const keys = await Promise.all([key(base), key({ ...base, title: "B" }), key({ ...base, art: fixture("art-3000.png") }), key({ ...base, art: fixture("small-1200.png") })]);
    keys.push(await key({ ...base, format: "jpeg" }), await key({ ...base, lang: "ar" }));
    expect(new Set(keys).size).toBe(6);
    expect(await key(base)).toBe(keys[0]);
  });

  it("renders the same image once for several outputs, and refuses two different images at one output", async () => {
    const { outputDir, cacheDir } = dirs("duplicates");
    const card = { recipe: { kind: "card", title: "Same", show: "S", date: "D", format: "png" } } as const;
    const report = await renderImages([{ ...card, output: "one/card.png" }, { ...card, output: "two/card.png" }], { outputDir, cacheDir });
    expect(report).toMatchObject({ rendered: 1, cached: 1 });
    expect(fs.existsSync(path.join(outputDir, "two/card.png"))).toBe(true);
    const clash = await errorOf(renderImages([{ ...card, output: "x.png" }, { recipe: { ...card.recipe, title: "Other" }, output: "x.png" }], { outputDir, cacheDir }));
    expect(clash.problem).toContain("x.png");
    const outside = await errorOf(renderImages([{ ...card, output: "../escape.png" }], { outputDir, cacheDir }));
    expect(outside.problem).toContain("../escape.png");
  });

  it("names the file behind an unreadable image, and caches nothing for it", async () => {
    const { outputDir, cacheDir } = dirs("unreadable");
    const bad = fixture("not-an-image.jpg");
    const error = await errorOf(renderImages(planCover({ file: bad, width: 1400, height: 900 }, "images/bad").jobs, { outputDir, cacheDir, concurrency: 2 }));
    expect(error.file).toBe(bad);
    expect(error.message.startsWith(`${bad}: `)).toBe(true);
    expect(error.fix).toMatch(/JPEG, PNG/u);
    expect(filesUnder(cacheDir)).toEqual([]);

    const missing = path.join(tmp, "no-such-art.png");
    const gone = await errorOf(renderImages(planCard({ title: "T", show: "S", date: "D", art: missing, format: "png" }, "c").jobs, { outputDir, cacheDir }));
    expect(gone.file).toBe(missing);
    expect(gone.problem).toContain("ENOENT");

    const info = await errorOf(imageInfo(bad));
    expect(info.file).toBe(bad);
  });
});

describe("imageInfo", () => {
  it("reads width, height and format from the header, and answers again from memory by the bytes' hash", async () => {
    expect(await imageInfo(LANDSCAPE.file)).toMatchObject({ width: 1400, height: 933, format: "jpeg" });
    expect(await imageInfo(fixture("art-3000.png"))).toMatchObject({ width: 3000, height: 3000, format: "png" });
    const copy = path.join(tmp, "copy.jpg");
    fs.copyFileSync(LANDSCAPE.file, copy);
    expect(await imageInfo(copy)).toMatchObject({ width: 1400, height: 933, format: "jpeg" });
    const avif = path.join(tmp, "one.avif");
    await sharp(LANDSCAPE.file).resize(64, 40, { fit: "fill" }).avif().toFile(avif);
    expect(await imageInfo(avif)).toMatchObject({ width: 64, height: 40, format: "avif" });
  });
});

describe("parallel rendering", () => {
  it("keeps images at once × libvips threads within the cores", () => {
    expect(threadsPerImage(2, 2)).toBe(1);
    expect(threadsPerImage(1, 2)).toBe(2);
    expect(threadsPerImage(8, 2)).toBe(1);
    expect(threadsPerImage(2, 8)).toBe(4);
    expect(AVIF_EFFORT).toBeGreaterThanOrEqual(0);
  });

  it("runs at most `concurrency` tasks at once, and after a failure starts no new task", async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const error = await runPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 2) throw new Error("two failed");
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("two failed");
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3]);
  });
});

describe("checkCardFont", () => {
  const dejavu = spawnSync("fc-match", ["--format=%{file}", "DejaVu Sans"], { encoding: "utf8" }).stdout.trim();

  it("passes on this machine, through fontconfig and through the font files", () => {
    expect(() => checkCardFont()).not.toThrow();
    expect(fontFamilies(dejavu)).toContain("DejaVu Sans");
    const folder = path.join(tmp, "fonts-with-dejavu");
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(dejavu, path.join(folder, "renamed-font.ttf"));
    expect(() => checkCardFont({ fontDirs: [folder] })).not.toThrow();
  });

  it("fails for a family that is not installed", () => {
    let error: unknown;
    try {
      checkCardFont({ family: "Verbatim Missing Sans" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).problem).toContain("Verbatim Missing Sans");
  });

  it("fails with the apt-get fix when the font folders hold no DejaVu Sans", () => {
    const empty = path.join(tmp, "no-fonts");
    const other = path.join(tmp, "other-fonts");
    fs.mkdirSync(empty, { recursive: true });
    fs.mkdirSync(other, { recursive: true });
    // A different family whose name starts the same, and a text file dressed as a font.
    const mono = spawnSync("fc-match", ["--format=%{file}", "DejaVu Sans Mono"], { encoding: "utf8" }).stdout.trim();
    fs.copyFileSync(mono, path.join(other, "DejaVuSans.ttf"));
    fs.writeFileSync(path.join(other, "fake.ttf"), "not a font");
    for (const fontDirs of [[], [empty], [other], [path.join(tmp, "does-not-exist")]]) {
      let error: unknown;
      try {
        checkCardFont({ fontDirs });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(fontDirs)).toBeInstanceOf(ImageError);
      expect((error as ImageError).fix).toContain("apt-get install fonts-dejavu-core");
      expect((error as ImageError).message).toContain("DejaVu Sans");
    }
  });
});
