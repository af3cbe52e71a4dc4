// Social cards that travel: the font chain (cmap formats 4 and 12, a .ttc collection, widths from
// hmtx against what pango draws), the glyph check that refuses a character no font has (and names
// the package that would draw it), titles in CJK, Arabic, Hebrew and Devanagari drawn right to
// left where they should be, the format chosen from the art (JPEG ≤ 120 KB for photo-like art, the
// smaller palette PNG for flat art), text that stays crisp in the JPEG, and names by content.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp, { type JpegOptions } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKey, SourceHashes } from "../src/images/cache.ts";
import { cardFontChain, cardFonts, fontFamilyList, installedFont } from "../src/images/card-fonts.ts";
import { cardFormat, formatForCoverage, paletteCoverage } from "../src/images/card-format.ts";
import { describeMissing, missingGlyphs } from "../src/images/card-glyphs.ts";
import { CARD_ART, cardSvg, cardTexts, isRightToLeft } from "../src/images/card-svg.ts";
import { readCmap } from "../src/images/cmap.ts";
import { fitLines, textWidth } from "../src/images/text-fit.ts";
import { CARD_ENCODING, drawCard, renderContext } from "../src/images/encode.ts";
import { imageInfo, planCard, planChapterArt, planCover, planFeedArt, renderImages, type CardRecipe, type ImageJob } from "../src/images/index.ts";
import { fontFaces, fontMetrics } from "../src/images/sfnt.ts";
import { isHashedName } from "../src/site/headers.ts";

const FIXTURES = path.resolve("tests/fixtures/images");
const FLAT_ART = path.join(FIXTURES, "art-3000.png");

let tmp: string;
let photoArt: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-cards-"));
  photoArt = path.join(tmp, "photo-like.jpg");
  await makePhotoLike(photoArt, 1600);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Photo-like art as the image benchmark makes it: gradients and shapes under gaussian grain. */
async function makePhotoLike(file: string, size: number): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f2a4a"/><stop offset="1" stop-color="#1f4e79"/></linearGradient>
<radialGradient id="r"><stop offset="0" stop-color="#f2c14e"/><stop offset="1" stop-color="#f2c14e" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${size * 0.68}" cy="${size * 0.32}" r="${size * 0.22}" fill="url(#r)"/>
<path d="M0 ${size * 0.74} Q ${size * 0.3} ${size * 0.58} ${size * 0.55} ${size * 0.7} T ${size} ${size * 0.66} V ${size} H 0 Z" fill="#0f2a4a" opacity=".85"/></svg>`;
  const grain = await sharp({ create: { width: size, height: size, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 22 } } }).png().toBuffer();
  await sharp(Buffer.from(svg)).composite([{ input: grain, blend: "overlay" }]).jpeg({ quality: 90 }).toFile(file);
}

const fcFile = (pattern: string) => spawnSync("fc-match", ["--format=%{file}", pattern], { encoding: "utf8" }).stdout.trim();

describe("reading a font's cmap", () => {
  it("reads format 4 (segments, with and without the glyph id array) and format 12 (groups)", () => {
    // A cmap with one subtable of each: (3,1) format 4 and (3,10) format 12.
    const f4 = Buffer.alloc(14 + 4 * 6 + 2 + 4);
    // segments: 0x41–0x43 by delta (+1 → glyphs 0x42…), 0x61–0x62 through the glyph id array, 0xFFFF end.
    f4.writeUInt16BE(4, 0);
    f4.writeUInt16BE(f4.length, 2);
    f4.writeUInt16BE(6, 6); // segCountX2
    [0x43, 0x62, 0xffff].forEach((v, i) => f4.writeUInt16BE(v, 14 + i * 2));
    [0x41, 0x61, 0xffff].forEach((v, i) => f4.writeUInt16BE(v, 22 + i * 2));
    [1, 0, 1].forEach((v, i) => f4.writeUInt16BE(v, 28 + i * 2));
    // idRangeOffset of segment 1: from its own place (34 + 2) to the glyph id array at 40.
    [0, 40 - 36, 0].forEach((v, i) => f4.writeUInt16BE(v, 34 + i * 2));
    [7, 9].forEach((v, i) => f4.writeUInt16BE(v, 40 + i * 2));
    const f12 = Buffer.alloc(16 + 12);
    f12.writeUInt16BE(12, 0);
    f12.writeUInt32BE(f12.length, 4);
    f12.writeUInt32BE(1, 12);
    f12.writeUInt32BE(0x1f600, 16);
    f12.writeUInt32BE(0x1f602, 20);
    f12.writeUInt32BE(500, 24);
    const header = Buffer.alloc(4 + 2 * 8);
    header.writeUInt16BE(2, 2);
    header.writeUInt16BE(3, 4);
    header.writeUInt16BE(1, 6);
    header.writeUInt32BE(header.length, 8);
    header.writeUInt16BE(3, 12);
    header.writeUInt16BE(10, 14);
    header.writeUInt32BE(header.length + f4.length, 16);
    const both = Buffer.concat([header, f4, f12]);
    const full = readCmap(both);
    // Format 12 is preferred: it holds every plane.
    expect(full?.(0x1f601)).toBe(501);
    expect(full?.(0x41)).toBe(0);
    // Without it, format 4.
    const bmp = readCmap(Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), f4]));
    expect([0x41, 0x43, 0x44, 0x61, 0x62, 0x63].map((c) => bmp?.(c))).toEqual([0x42, 0x44, 0, 7, 9, 0]);
    expect(bmp?.(0x1f601)).toBe(0);
    expect(readCmap(Buffer.alloc(2))).toBeUndefined();
  });

  it("reads DejaVu Sans, and a font inside Noto Sans CJK's .ttc collection by its index", () => {
    const dejavu = fontMetrics(fcFile("DejaVu Sans:bold"));
    expect(dejavu?.unitsPerEm).toBe(2048);
    expect(dejavu?.glyph(0x41)).toBeGreaterThan(0);
    expect(dejavu?.glyph(0x4e2d)).toBe(0); // 中: not in DejaVu
    const ttc = fcFile("Noto Sans CJK JP:bold");
    expect(ttc).toMatch(/\.ttc$/u);
    const faces = fontFaces(ttc);
    expect(faces.length).toBeGreaterThan(1);
    const sc = faces.find((face) => face.families.includes("Noto Sans CJK SC"));
    expect(sc).toBeDefined();
    const metrics = fontMetrics(ttc, sc?.index);
    expect(metrics?.glyph(0x4e2d)).toBeGreaterThan(0);
    expect(metrics?.glyph(0xe000)).toBe(0);
    expect(fontMetrics(path.join(FIXTURES, "not-an-image.jpg"))).toBeUndefined();
  });
});

const TITLES = {
  ja: "夜行フェリーが六年ぶりに運航を再開",
  zh: "夜班渡轮六年后重新开航",
  ar: "هل تعود العبّارة الليلية بعد ست سنوات؟",
  he: "האם המעבורת הלילית חוזרת אחרי 6 שנים?",
  hi: "छह साल बाद रात की फ़ेरी फिर से चल रही है",
  en: "The Night Ferry (العبّارة الليلية) returns — 夜行フェリー",
} as const;

describe("the font chain", () => {
  it("puts Arabic and Hebrew fonts before DejaVu for text in those scripts, CJK in the language's style", () => {
    expect(cardFonts("en", "Night Ferry")[0]?.family).toBe("DejaVu Sans");
    expect(cardFonts("ar", TITLES.ar)[0]?.family).toBe("Noto Sans Arabic");
    expect(cardFonts("he", TITLES.he)[0]?.family).toBe("Noto Sans Hebrew");
    expect(fontFamilyList(cardFonts("zh"))).toContain("'Noto Sans CJK SC'");
    expect(fontFamilyList(cardFonts("ko-KR"))).toContain("'Noto Sans CJK KR'");
    expect(fontFamilyList(cardFonts("en"))).toContain("'Noto Sans CJK JP'");
  });

  it("measures a line no narrower than pango draws it, in every script", async () => {
    for (const [lang, text] of Object.entries(TITLES)) {
      const chain = cardFontChain(lang, text, "bold");
      const size = 60;
      const escaped = text.replace(/&/gu, "&amp;");
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="200"><rect width="2400" height="200" fill="#000"/><text font-family="${fontFamilyList(chain.chain)}, sans-serif" font-size="${size}" font-weight="700" fill="#fff" x="10" y="120">${escaped}</text></svg>`;
      const { info } = await sharp(Buffer.from(svg)).trim({ threshold: 10 }).toBuffer({ resolveWithObject: true });
      const measured = chain.measure(text) * size;
      expect(info.width, lang).toBeLessThanOrEqual(measured);
      // Close, not a wild guess: within a third (Arabic's joined letters are narrower than their isolated forms).
      expect(info.width, lang).toBeGreaterThan(measured * 0.66);
    }
  });
});

describe("wrapping a title written without spaces", () => {
  it("never starts a line with closing punctuation, the prolonged sound mark or small kana", () => {
    const title = "夜行フェリーが六年ぶりに運航を再開、川の労働者たちが語る物語。ニュース・フェリー";
    const { measure } = cardFontChain("ja", title, "bold");
    for (let width = 200; width <= 700; width += 10) {
      const { lines } = fitLines(title, width, 40, 20, measure);
      expect(lines.join(""), String(width)).toBe(title);
      for (const line of lines.slice(1)) expect(line, `${width}: ${lines.join(" | ")}`).not.toMatch(/^[、。ーェ・]/u);
      for (const line of lines) expect(textWidth(line, 40, measure)).toBeLessThanOrEqual(width);
    }
    // Without the rule, a plain cut at 200 px starts the second line with "ー" (it fails above then).
  });
});

describe("never a box: the glyph check", () => {
  it("passes titles in CJK, Arabic, Hebrew, Devanagari and a mix with Latin", () => {
    for (const [lang, title] of Object.entries(TITLES)) {
      expect(missingGlyphs(cardTexts({ title, show: title, date: "April 21, 2026" }), lang), lang).toEqual([]);
    }
    // DejaVu Sans Bold lacks the mathematical sans-serif letters its regular face has: fontconfig
    // offers pango the regular face, and the check looks there too.
    expect(missingGlyphs(cardTexts({ title: "Fancy 𝖠𝖡𝖢", show: "S", date: "D" }))).toEqual([]);
    // Joiners and variation selectors draw nothing: never reported.
    expect(missingGlyphs(cardTexts({ title: "क्‍ष ☺︎ e\u0301", show: "S", date: "D" }))).toEqual([]);
  });

  it("reports a private-use character and an ancient script no card font has, with its code point and field", () => {
    const missing = missingGlyphs(cardTexts({ title: "Bad \ue000 and 𓀀", show: "Night Desk", date: "April 21, 2026" }));
    expect(missing.map((m) => [m.field, m.codePoint, m.char])).toEqual([
      ["title", "U+E000", "\ue000"],
      ["title", "U+13000", "𓀀"],
    ]);
    const [privateUse, hieroglyph] = missing.map(describeMissing);
    expect(privateUse?.problem).toBe("The title holds U+E000, a character no font of the social card has: the card would show an empty box in its place.");
    expect(privateUse?.fix).toContain("private use area");
    expect(hieroglyph?.problem).toContain('"𓀀" (U+13000)');
    expect(hieroglyph?.fix).toContain("change the title");
    const emoji = missingGlyphs(cardTexts({ title: "Ferry 🚢 night", show: "S", date: "D" }));
    expect(emoji.map((m) => m.codePoint)).toEqual(["U+1F6A2"]);
    expect(describeMissing(emoji[0]!).fix).toContain("emoji");
    const inShow = missingGlyphs(cardTexts({ title: "Fine", show: "Desk \ue001", date: "D" }));
    expect(inShow.map((m) => [m.field, m.codePoint])).toEqual([["show", "U+E001"]]);
  });

  it("names the Debian package on a machine whose fonts lack the script", () => {
    const folder = path.join(tmp, "only-dejavu");
    fs.mkdirSync(folder, { recursive: true });
    for (const style of ["DejaVu Sans:bold", "DejaVu Sans:regular"]) {
      const file = fcFile(style);
      fs.copyFileSync(file, path.join(folder, path.basename(file)));
    }
    const missing = missingGlyphs(cardTexts({ title: TITLES.zh, show: "Night Desk", date: "D" }), "zh", [folder]);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((m) => m.packages.join() === "fonts-noto-cjk")).toBe(true);
    expect(describeMissing(missing[0]!).fix).toBe("install the font that draws it (Debian: apt-get install fonts-noto-cjk), or change the title.");
    expect(missingGlyphs(cardTexts({ title: TITLES.hi, show: "S", date: "D" }), "hi", [folder])[0]?.packages).toEqual(["fonts-noto-core"]);
    // With the chain's fonts where fontconfig finds them, the same titles pass.
    expect(installedFont(cardFonts("zh").at(-3)!, "bold")?.file).toMatch(/NotoSansCJK/u);
  });

  it("refuses to draw a card with such a character, even when asked directly", async () => {
    const recipe: CardRecipe = { kind: "card", title: "Private \ue000", show: "S", date: "D", format: "png" };
    await expect(drawCard(recipe, undefined, renderContext())).rejects.toThrow(/U\+E000/u);
  });
});

/** Mean brightness of a region of a 1200×630 image (3 channels). */
async function region(file: string | Buffer, area: { left: number; top: number; width: number; height: number }) {
  const stats = await sharp(await sharp(file).extract(area).png().toBuffer()).stats();
  return { stdev: Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev)) };
}

/** Column range where a region has light pixels (the text's ink). */
async function inkColumns(file: string, area: { left: number; top: number; width: number; height: number }): Promise<[number, number]> {
  const { data, info } = await sharp(file).extract(area).greyscale().raw().toBuffer({ resolveWithObject: true });
  let first = info.width;
  let last = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[y * info.width + x] as number) > 128) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
  }
  return [area.left + first, area.left + last];
}

describe("cards in other scripts", () => {
  it("draws CJK, Arabic, Hebrew and Devanagari titles; right-to-left ones from the right edge", async () => {
    const outputDir = path.join(tmp, "scripts");
    const planned = Object.entries(TITLES).map(([lang, title]) => [lang, planCard({ title, show: lang === "en" ? "Night Desk" : title.slice(0, 8), date: "April 21, 2026", lang, format: "png" }, `images/${lang}/card`)] as const);
    await renderImages(planned.flatMap(([, card]) => card.jobs), { outputDir, cacheDir: path.join(tmp, "scripts-cache") });
    for (const [lang, card] of planned) {
      const file = path.join(outputDir, card.url);
      expect((await region(file, { left: 72, top: 200, width: 1056, height: 150 })).stdev, lang).toBeGreaterThan(40);
      const [first, last] = await inkColumns(file, { left: 0, top: 200, width: 1200, height: 90 });
      if (isRightToLeft(TITLES[lang as keyof typeof TITLES])) {
        // Right-aligned: the first line ends at the right margin (1128), and starts well right of the left one.
        expect(last, lang).toBeGreaterThan(1110);
        expect(first, lang).toBeGreaterThan(150);
      } else {
        expect(first, lang).toBeLessThan(90);
      }
    }
    expect(cardSvg({ title: TITLES.ar, show: "S", date: "D", lang: "ar" })).toMatch(/direction="rtl"[^>]*font-weight="700" fill="#ffffff"><tspan x="1128"/u);
  });
});

/** PSNR and largest difference of two 1200×630 RGB images over an area. */
async function compare(a: Buffer, b: Buffer, area: { left: number; top: number; width: number; height: number }) {
  const [x, y] = await Promise.all([a, b].map((image) => sharp(image).extract(area).removeAlpha().raw().toBuffer()));
  let squared = 0;
  let max = 0;
  for (let i = 0; i < (x as Buffer).length; i++) {
    const d = ((x as Buffer)[i] as number) - ((y as Buffer)[i] as number);
    squared += d * d;
    max = Math.max(max, Math.abs(d));
  }
  return { psnr: 10 * Math.log10((255 * 255) / (squared / (x as Buffer).length)), max };
}

/** The show name and the first lines of the title beside the art. */
const TEXT_AREA = { left: CARD_ART.left + CARD_ART.size + 64, top: 140, width: 592, height: 300 };
/**
 * Measured on photo-like art (encode.ts has the table): the chosen JPEG (q88 4:4:4, the standard
 * table, no trellis) gives 41.5 dB and a largest error of 49 over the text; 4:2:0 at the same
 * quality 38.6 dB and 82 (a dark fringe round the amber letters), q80 38.4 dB and 60, mozjpeg's
 * own table with trellis at q90 37.2 dB and 49. The thresholds sit between them, 1.5 dB under the choice.
 */
const CRISP = { psnr: 40, max: 60 };

describe("the card's format", () => {
  const title = "The Night Ferry Returns After Six Years of Silence";

  it("tells photo-like art from flat art by the share its 256 most frequent colours cover", async () => {
    const photo = await paletteCoverage(photoArt);
    const flat = await paletteCoverage(FLAT_ART);
    expect(photo).toBeLessThan(0.6);
    expect(flat).toBeGreaterThan(0.95);
    expect([formatForCoverage(photo), formatForCoverage(flat)]).toEqual(["jpeg", "png"]);
    expect(await cardFormat({ file: photoArt, hash: (await imageInfo(photoArt)).hash })).toBe("jpeg");
    expect(await cardFormat()).toBe("png");
  });

  it("writes a photo-like art's card as a JPEG of at most 120 KB, a flat one as the smaller palette PNG", async () => {
    const outputDir = path.join(tmp, "formats");
    const cacheDir = path.join(tmp, "formats-cache");
    const plan = async (art: string) => {
      const { hash } = await imageInfo(art);
      return planCard({ title, show: "Night Desk", date: "April 21, 2026", art, format: await cardFormat({ file: art, hash }) }, `images/${path.basename(art)}/card`, hash);
    };
    const photo = await plan(photoArt);
    const flat = await plan(FLAT_ART);
    await renderImages([...photo.jobs, ...flat.jobs], { outputDir, cacheDir });
    expect(photo.url).toMatch(/\.jpg$/u);
    expect(photo.type).toBe("image/jpeg");
    const photoBytes = fs.statSync(path.join(outputDir, photo.url)).size;
    expect(photoBytes).toBeLessThanOrEqual(120 * 1024);
    expect(flat.url).toMatch(/\.png$/u);
    // The other format of each, at the card's settings: the chosen one is the smaller.
    const other = async (card: typeof photo, format: "png" | "jpeg") => {
      const image = await drawCard({ ...(card.jobs[0]?.recipe as CardRecipe), format }, (card.jobs[0]?.recipe as CardRecipe).art, renderContext());
      return (format === "jpeg" ? image.jpeg(CARD_ENCODING.jpeg) : image.png(CARD_ENCODING.png)).toBuffer();
    };
    expect(fs.statSync(path.join(outputDir, flat.url)).size).toBeLessThan((await other(flat, "jpeg")).length);
    expect(photoBytes).toBeLessThan((await other(photo, "png")).length);
  });

  it("keeps the text crisp in the JPEG: its text area is within the measured threshold of the lossless card, and 4:2:0 is not", async () => {
    const recipe: CardRecipe = { kind: "card", title, show: "Night Desk", date: "April 21, 2026", art: photoArt, format: "jpeg" };
    const lossless = await (await drawCard(recipe, photoArt, renderContext())).png().toBuffer();
    const jpeg = async (options: JpegOptions) => (await drawCard(recipe, photoArt, renderContext())).jpeg(options).toBuffer();
    const chosen = await compare(lossless, await jpeg(CARD_ENCODING.jpeg), TEXT_AREA);
    expect(chosen.psnr).toBeGreaterThanOrEqual(CRISP.psnr);
    expect(chosen.max).toBeLessThanOrEqual(CRISP.max);
    // Known faults: the same quality with half the colour resolution, and a lower quality.
    const subsampled = await compare(lossless, await jpeg({ ...CARD_ENCODING.jpeg, chromaSubsampling: "4:2:0" }), TEXT_AREA);
    expect(subsampled.psnr < CRISP.psnr || subsampled.max > CRISP.max).toBe(true);
    const lower = await compare(lossless, await jpeg({ ...CARD_ENCODING.jpeg, quality: 80 }), TEXT_AREA);
    expect(lower.psnr < CRISP.psnr || lower.max > CRISP.max).toBe(true);
    const trellis = await compare(lossless, await jpeg({ quality: 90, mozjpeg: true, chromaSubsampling: "4:4:4" }), TEXT_AREA);
    expect(trellis.psnr < CRISP.psnr || trellis.max > CRISP.max).toBe(true);
  });
});

describe("names by content", () => {
  it("names every output by its cache key when the source's hash is known, and the key changes with the bytes", async () => {
    const info = await imageInfo(FLAT_ART);
    const source = { file: FLAT_ART, width: info.width, height: info.height, hash: info.hash };
    const jobs: ImageJob[] = [...planCover(source, "images/s/art").jobs, ...planFeedArt(source, "images/s/feed").jobs, ...planChapterArt(source, "images/x/chapter-1").jobs];
    const hashes = new SourceHashes();
    for (const job of jobs) {
      expect(isHashedName(job.output), job.output).toBe(true);
      expect(job.output, job.output).toContain(`-${(await cacheKey(job, hashes)).slice(0, 10)}.`);
    }
    const picture = planCover(source, "images/s/art").picture;
    expect(jobs.map((job) => `/${job.output}`)).toContain(picture.src);
    const other = planCover({ ...source, hash: "0".repeat(64) }, "images/s/art").jobs;
    expect(other.map((job) => job.output)).not.toContain(jobs[0]?.output);
    // Without the hash, the plain names of before.
    expect(planCover({ file: FLAT_ART, width: 3000, height: 3000 }, "images/s/art").jobs[0]?.output).toBe("images/s/art-320.avif");
  });
});

describe("a name that promises its content", () => {
  it("refuses to write new bytes under a name planned from a source's earlier bytes", async () => {
    const art = path.join(tmp, "changing.png");
    fs.copyFileSync(FLAT_ART, art);
    const info = await imageInfo(art);
    const planned = planFeedArt({ file: art, width: info.width, height: info.height, hash: info.hash }, "images/c/feed");
    await sharp(FLAT_ART).resize(2000).png().toFile(art);
    const options = { outputDir: path.join(tmp, "changing"), cacheDir: path.join(tmp, "changing-cache") };
    await expect(renderImages(planned.jobs, options)).rejects.toThrow(/changed while the site was being built/u);
    // Planned again from the bytes now there, it renders.
    const again = await imageInfo(art);
    expect(await renderImages(planFeedArt({ file: art, width: again.width, height: again.height, hash: again.hash }, "images/c/feed").jobs, options)).toMatchObject({ rendered: 1 });
  });
});
