// Builds the sample site for real (under a path prefix) and checks the HTML a reader gets.

import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, runBuild, type BuildRun } from "./helpers/build.ts";

const PREFIX = "/radio/";
let run: BuildRun;
let pages: string[];
const docs = new Map<string, Document>();

function doc(file: string): Document {
  let d = docs.get(file);
  if (!d) {
    d = parseHTML(fs.readFileSync(path.join(run.output, file), "utf8")).document as unknown as Document;
    docs.set(file, d);
  }
  return d;
}

/** The built file a site URL points at ("/radio/tags/x/" → "tags/x/index.html"). */
function fileFor(url: string): string {
  expect(url.startsWith(PREFIX), `${url} follows the path prefix`).toBe(true);
  const inside = decodeURI(url.slice(PREFIX.length).split("#")[0] ?? "");
  return inside === "" || inside.endsWith("/") ? `${inside}index.html` : inside;
}

const storyPages = () => pages.filter((p) => p.startsWith("stories/"));

beforeAll(async () => {
  run = await runBuild(["--base-url", `https://example.org${PREFIX}`]);
  pages = listFiles(run.output).filter((f) => f.endsWith(".html"));
});

describe("the sample site", () => {
  it("builds, audits every page clean with both runners, and says what it built", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No accessibility errors found on \d+ pages\./);
    expect(run.stdout).toMatch(/Built 5 stories/);
    const statement = fs.readFileSync(path.join(run.output, "accessibility/index.html"), "utf8");
    expect(statement).toMatch(/<dt>Pages audited<\/dt><dd>\d+<\/dd>/);
    expect(statement).toContain("axe-core");
    expect(statement).toContain("HTML_CodeSniffer");
  });

  it("has every kind of page", () => {
    for (const page of ["index.html", "404.html", "archive/index.html", "tags/index.html", "speakers/index.html", "shows/index.html"]) {
      expect(pages).toContain(page);
    }
    expect(storyPages()).toHaveLength(5);
    expect(pages.filter((p) => p.startsWith("shows/") && p !== "shows/index.html")).toHaveLength(2);
  });

  it("is valid HTML5, with a language, a title and exactly one h1 on every page", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard"], rules: { "no-trailing-whitespace": "off" } });
    for (const page of pages) {
      const report = await validator.validateFile(path.join(run.output, page));
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}: ${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
      const d = doc(page);
      expect(d.documentElement.getAttribute("lang"), page).toMatch(/^[a-z]{2}/);
      expect(d.querySelectorAll("h1"), page).toHaveLength(1);
      expect(d.querySelector("title")?.textContent?.trim(), page).not.toBe("");
      expect(d.querySelector("a.skip-link")?.getAttribute("href")).toBe("#main");
      expect(d.querySelector("main#main")).not.toBeNull();
    }
  });

  it("keeps every internal link and asset under the path prefix, pointing at a built file", () => {
    for (const page of pages) {
      for (const el of doc(page).querySelectorAll("[href], [src]")) {
        const url = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
        if (url.startsWith("#")) continue;
        if (el.getAttribute("rel") === "canonical") {
          expect(url.startsWith(`https://example.org${PREFIX}`)).toBe(true);
          continue;
        }
        expect(url, `${page} links to ${url}`).toMatch(/^\//);
        expect(fs.existsSync(path.join(run.output, fileFor(url))), `${page} → ${url}`).toBe(true);
      }
    }
  });

  it("makes no request to another host", () => {
    for (const page of pages) {
      for (const el of doc(page).querySelectorAll("script[src], link[rel=stylesheet], img, audio[src], source, iframe")) {
        const urls = [el.getAttribute("src") ?? el.getAttribute("href"), ...(el.getAttribute("srcset") ?? "").split(",").map((c) => c.trim().split(/\s+/)[0])];
        for (const url of urls.filter(Boolean)) expect(url, page).toMatch(/^\//);
      }
    }
  });

  it("lists every page in the sitemap with an absolute URL", () => {
    const sitemap = fs.readFileSync(path.join(run.output, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const expected = pages.filter((p) => p !== "404.html").map((p) => `https://example.org${PREFIX}${p.replace(/index\.html$/, "")}`);
    expect(new Set(locs)).toEqual(new Set(expected));
  });
});

describe("story pages", () => {
  it("start every turn with the speaker's name, in proper case, then a colon", () => {
    let turns = 0;
    for (const page of storyPages()) {
      for (const turn of doc(page).querySelectorAll(".v-turn")) {
        turns++;
        const first = turn.firstElementChild;
        expect(first?.tagName, `${page} ${turn.id}`).toBe("P");
        const label = first?.firstChild as Element | null;
        expect(label?.nodeType === 1 && label.classList.contains("v-speaker"), `${page} ${turn.id} starts with its label`).toBe(true);
        const name = label?.textContent ?? "";
        expect(name).toMatch(/:$/);
        expect(name, `${page} ${turn.id}`).not.toMatch(/^[A-Z]{2,}(?:\s[A-Z]{2,})*/); // never all caps
        for (const later of Array.from(turn.children).slice(1)) expect(later.querySelector(".v-speaker")).toBeNull();
      }
    }
    expect(turns).toBeGreaterThan(150);
  });

  it("type every cue and never take one for a speaker", () => {
    const types = new Set<string>();
    for (const page of storyPages()) {
      for (const cue of doc(page).querySelectorAll(".v-cue")) {
        types.add(cue.getAttribute("data-cue") ?? "");
        expect(cue.textContent).toMatch(/^\(.+\)$/);
        expect(cue.closest(".v-speaker")).toBeNull();
      }
    }
    for (const type of ["soundbite", "song", "music", "laughter", "applause", "crosstalk"]) expect(types).toContain(type);
  });

  it("group tape with its cue under a label for screen readers", () => {
    const labels: string[] = [];
    for (const page of storyPages()) {
      for (const tape of doc(page).querySelectorAll(".v-tape")) {
        expect(tape.getAttribute("role")).toBe("group");
        labels.push(tape.getAttribute("aria-label") ?? "");
        expect(tape.firstElementChild?.classList.contains("v-cue")).toBe(true);
        expect(tape.querySelector(".v-turn, p:not(.v-cue)")).not.toBeNull();
      }
    }
    expect(labels).toContain("Archived broadcast");
    expect(labels).toContain("Song: Harbor Lights, by Margit Ostergaard");
  });

  it("mark foreign-language speech with lang", () => {
    const langs = storyPages().flatMap((page) => Array.from(doc(page).querySelectorAll(".v-turn [lang]")).map((el) => el.getAttribute("lang")));
    expect(langs).toContain("es");
    expect(langs).toContain("fr");
  });

  it("show the audio player with a download link when the story has audio", () => {
    const withAudio = storyPages().filter((page) => doc(page).querySelector("audio"));
    expect(withAudio.length).toBeGreaterThan(0);
    for (const page of withAudio) {
      const audio = doc(page).querySelector("audio");
      expect(audio?.hasAttribute("controls")).toBe(true);
      const download = doc(page).querySelector("a[download]");
      expect(download?.getAttribute("href")).toBe(audio?.getAttribute("src"));
    }
  });

  it("put the transcript under its own heading, after the speakers, with the provenance line", () => {
    for (const page of storyPages()) {
      const d = doc(page);
      const headings = Array.from(d.querySelectorAll("h2")).map((h) => h.textContent);
      expect(headings.indexOf("In this story")).toBeLessThan(headings.indexOf("Transcript"));
      expect(d.querySelector("section.transcript")?.getAttribute("aria-labelledby")).toBe("transcript-heading");
      expect(d.querySelector(".provenance")?.textContent).toMatch(/Copyright/);
      expect(d.querySelector("time[datetime]")).not.toBeNull();
    }
  });

  it("keep {{ }} as text and escape < and &", () => {
    const html = storyPages().map((page) => fs.readFileSync(path.join(run.output, page), "utf8")).join("\n");
    expect(html).toContain("{{ first name }}");
    expect(html).toContain("&lt; the cost");
    expect(html).toContain("Dixon &amp; Sons");
  });
});

describe("tag, speaker and show pages", () => {
  it("exist for every tag, named speaker and show of every story, and link back to it", () => {
    for (const page of storyPages()) {
      const d = doc(page);
      const storyUrl = `${PREFIX}${page.replace(/index\.html$/, "")}`;
      const links = [
        ...Array.from(d.querySelectorAll(".story-tags a")),
        ...Array.from(d.querySelectorAll(".speaker-list a")),
        d.querySelector(".story-show a"),
      ];
      expect(links.length).toBeGreaterThan(2);
      for (const link of links) {
        const target = doc(fileFor(link?.getAttribute("href") ?? ""));
        const back = Array.from(target.querySelectorAll("main a")).map((a) => a.getAttribute("href"));
        expect(back, `${link?.getAttribute("href")} links back to ${storyUrl}`).toContain(storyUrl);
      }
    }
  });

  it("give each speaker's role in each story", () => {
    const host = doc("speakers/raymond-oyelaran/index.html");
    expect(host.querySelectorAll(".story-card")).toHaveLength(2);
    expect(host.querySelector(".role")?.textContent).toBe("As host");
  });

  it("leave drafts and unnamed voices out", () => {
    expect(pages.some((p) => p.includes("unidentified"))).toBe(false);
    expect(pages.some((p) => p.startsWith("speakers/crowd"))).toBe(false);
  });
});
