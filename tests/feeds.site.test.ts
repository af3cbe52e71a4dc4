// The podcast feed per show: a real build of a small project under a path prefix (a timed story
// with local audio, an untimed story without audio, which is no episode, a story with remote
// audio), read back with fast-xml-parser and with a real podcast-feed parser (Podcast Index's
// podcast-partytime); the site's feed of stories; a build the feed checks stop; then the sample
// site's feeds; then the pure parts (escaping, podcast:guid, dates, roles).

import fs from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { parseFeed } from "podcast-partytime";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeXml, personRole, podcastGuid, rfc822, uuidV5 } from "../src/feeds/rss.ts";
import { addShow, makeProject, REPO, runBuild, type BuildRun } from "./helpers/build.ts";

const BASE = "https://example.org/radio/";
const AUDIO_BYTES = 4321;
const SHOW = "Tides & <Currents>";

const TIMED = `---
title: "Bells & <Whistles>: the Harbour at Noon"
show: "${SHOW}"
date: 2026-03-02
summary: The harbour bells ring again.
duration: "2:05"
audio: audio.mp3
season: 3
episode: 12
episodeType: bonus
soundbites:
  - { start: "0:05", duration: 20, title: "The bells at noon" }
  - { start: 30, duration: 15.5 }
---
[0:00] NORA QUILL, HOST: Good evening, and welcome.

[0:05] BEN ADEYEMI, BYLINE: The bells rang at noon.

[0:09] (SOUNDBITE OF BELLS)

[0:12] MARTA ROS: I have rung them for thirty years.

[0:20] UNIDENTIFIED MAN: Louder every year.

[0:24] CROWD: (Cheering) Again!

[0:30] QUILL: That was Ben Adeyemi.
`;

const UNTIMED = `---
title: Quiet Hours
show: "${SHOW}"
date: 2026-03-05
summary: Nothing rings at night.
---
NORA QUILL, HOST: Tonight, nothing rings.
`;

const REMOTE = `---
title: Far Away
show: Elsewhere
date: 2026-02-01
audio: { url: https://cdn.example.net/episodes/far-away.m4a, bytes: 98765 }
---
NORA QUILL, HOST: From far away.
`;

/** A show none of whose stories has audio: no episodes, so no podcast feed. */
const PAPER = `---
title: Written Down
show: Paper Only
date: 2026-03-04
summary: A story to read.
---
NORA QUILL, HOST: This one is only written.
`;

const TIDES_GUID = "0d4f3a52-9c1e-4b7e-8f2a-3c5d6e7f8a9b";

interface Attrs { [key: string]: unknown }
interface Item extends Attrs {
  title: string;
  link: string;
  guid: { "#text": string; "@_isPermaLink": string };
  pubDate: string;
  description: string;
  "itunes:duration"?: number;
  enclosure?: { "@_url": string; "@_length": string; "@_type": string };
  "podcast:transcript": Array<{ "@_url": string; "@_type": string; "@_language": string; "@_rel"?: string }>;
  "podcast:person"?: Array<{ "#text": string; "@_role": string; "@_group": string; "@_href"?: string }>;
}
interface Channel extends Attrs { item: Item[] }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  isArray: (name) => ["item", "podcast:transcript", "podcast:person"].includes(name),
});

function readFeed(output: string, showSlug: string): { xml: string; channel: Channel; rss: Attrs } {
  const xml = fs.readFileSync(path.join(output, "shows", showSlug, "feed.xml"), "utf8");
  expect(XMLValidator.validate(xml), `shows/${showSlug}/feed.xml is well-formed XML`).toBe(true);
  const doc = parser.parse(xml) as { rss: Attrs & { channel: Channel } };
  return { xml, channel: doc.rss.channel, rss: doc.rss };
}

/** The built file behind an absolute URL of the site. */
function fileFor(output: string, url: string): string {
  expect(url.startsWith(BASE), `${url} is under ${BASE}`).toBe(true);
  const inside = url.slice(BASE.length);
  return path.join(output, inside === "" || inside.endsWith("/") ? `${inside}index.html` : inside);
}

let run: BuildRun;

beforeAll(async () => {
  const project = makeProject({ stories: [] });
  const stories = path.join(project, "content", "stories");
  fs.mkdirSync(path.join(stories, "harbour-bells"), { recursive: true });
  fs.writeFileSync(path.join(stories, "harbour-bells", "index.md"), TIMED);
  fs.writeFileSync(path.join(stories, "harbour-bells", "audio.mp3"), Buffer.alloc(AUDIO_BYTES, 0xff));
  fs.writeFileSync(path.join(stories, "quiet-hours.md"), UNTIMED);
  fs.writeFileSync(path.join(stories, "far-away.md"), REMOTE);
  fs.writeFileSync(path.join(stories, "paper-only.md"), PAPER);
  addShow(project, "tides-currents", `guid: ${TIDES_GUID}\n`);
  addShow(project, "elsewhere");
  fs.writeFileSync(path.join(project, "content", "_data", "site.json"), JSON.stringify({
    title: "Tide Radio", url: BASE, language: "en", description: "Stories from the harbour.",
    author: "Tide Radio Newsroom", email: "desk@example.org", category: "Society & Culture", subcategory: "Documentary", explicit: false,
  }));
  run = await runBuild(["--skip-audit"], project);
  expect(run.code, run.stderr).toBe(0);
});

describe("a show's podcast feed", () => {
  it("is RSS 2.0 with the iTunes, Podcasting 2.0 and Atom namespaces, and a channel describing the show", () => {
    const { xml, rss, channel } = readFeed(run.output, "tides-currents");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(rss["@_version"]).toBe("2.0");
    expect(rss["@_xmlns:itunes"]).toBe("http://www.itunes.com/dtds/podcast-1.0.dtd");
    expect(rss["@_xmlns:podcast"]).toBe("https://podcastindex.org/namespace/1.0");
    expect(rss["@_xmlns:atom"]).toBe("http://www.w3.org/2005/Atom");
    const feedUrl = `${BASE}shows/tides-currents/feed.xml`;
    expect(channel.title).toBe(SHOW);
    expect(channel.link).toBe(`${BASE}shows/tides-currents/`);
    expect(channel["atom:link"]).toEqual({ "@_href": feedUrl, "@_rel": "self", "@_type": "application/rss+xml" });
    expect(channel.description).toContain(SHOW);
    expect(channel.language).toBe("en");
    expect(channel.generator).toBe("Verbatim");
    expect(channel["itunes:author"]).toBe("Tide Radio Newsroom");
    expect(channel["itunes:owner"]).toEqual({ "itunes:name": "Tide Radio Newsroom", "itunes:email": "desk@example.org" });
    expect(channel["itunes:explicit"]).toBe(false);
    expect(xml).toContain("<itunes:explicit>false</itunes:explicit>");
    expect(channel["itunes:type"]).toBe("episodic");
    expect(channel["itunes:category"]).toEqual({ "@_text": "Society & Culture", "itunes:category": { "@_text": "Documentary" } });
    expect(channel["podcast:guid"]).toBe(TIDES_GUID);
    // Named by its content's hash: new art is a new address, which podcast apps fetch again.
    expect((channel["itunes:image"] as { "@_href": string })["@_href"]).toMatch(new RegExp(`^${BASE}images/shows/tides-currents/feed-3000-[0-9a-f]{10}\\.jpg$`, "u"));
    expect(channel.lastBuildDate).toBe("Mon, 02 Mar 2026 00:00:00 GMT");
    // Without a guid in show.yml, the feed's address makes one (and the build says to set it).
    expect(readFeed(run.output, "elsewhere").channel["podcast:guid"]).toBe(podcastGuid(`${BASE}shows/elsewhere/feed.xml`));
  });

  it("lists the show's episodes (its stories with audio) newest first, each with a permanent link as its guid and an RFC 822 date", () => {
    const { channel } = readFeed(run.output, "tides-currents");
    expect(channel.item.map((i) => i.title)).toEqual(["Bells & <Whistles>: the Harbour at Noon"]);
    const [bells] = channel.item;
    expect(bells?.link).toBe(`${BASE}stories/harbour-bells/`);
    expect(bells?.guid).toEqual({ "#text": `${BASE}stories/harbour-bells/`, "@_isPermaLink": "true" });
    expect(bells?.pubDate).toBe("Mon, 02 Mar 2026 00:00:00 GMT");
    expect(bells?.description).toBe("The harbour bells ring again.");
    expect(bells?.["itunes:duration"]).toBe(125);
    for (const item of channel.item) expect(fs.existsSync(fileFor(run.output, item.link)), item.link).toBe(true);
  });

  it("gives a local audio file as the enclosure, with its size in bytes and its type", () => {
    const { channel } = readFeed(run.output, "tides-currents");
    const [bells] = channel.item;
    expect(bells?.enclosure).toEqual({ "@_url": `${BASE}stories/harbour-bells/audio.mp3`, "@_length": String(AUDIO_BYTES), "@_type": "audio/mpeg" });
    expect(fs.statSync(fileFor(run.output, bells?.enclosure?.["@_url"] ?? "")).size).toBe(AUDIO_BYTES);
  });

  it("gives remote audio as the enclosure with the size the front matter gives", () => {
    const { channel } = readFeed(run.output, "elsewhere");
    expect(channel.item[0]?.enclosure).toEqual({ "@_url": "https://cdn.example.net/episodes/far-away.m4a", "@_length": "98765", "@_type": "audio/mp4" });
  });

  it("reads back in a real podcast-feed parser with every episode, its guid, enclosure, season, episode, type and soundbites", () => {
    const feed = parseFeed(readFeed(run.output, "tides-currents").xml);
    expect(feed).not.toBeNull();
    expect(feed?.title).toBe(SHOW);
    expect(feed?.guid).toBe(TIDES_GUID);
    expect(feed?.pubsub?.self).toBe(`${BASE}shows/tides-currents/feed.xml`);
    expect(feed?.itunesCategory).toEqual(["Society & Culture > Documentary"]);
    expect(feed?.explicit).toBe(false);
    expect(feed?.items).toHaveLength(1);
    const [bells] = feed?.items ?? [];
    expect(bells?.guid).toBe(`${BASE}stories/harbour-bells/`);
    expect(bells?.enclosure).toEqual({ url: `${BASE}stories/harbour-bells/audio.mp3`, length: AUDIO_BYTES, type: "audio/mpeg" });
    expect(bells?.duration).toBe(125);
    expect([bells?.itunesSeason, bells?.itunesEpisode, bells?.itunesEpisodeType]).toEqual([3, 12, "bonus"]);
    expect([bells?.podcastSeason?.number, bells?.podcastEpisode?.number]).toEqual([3, 12]);
    expect(bells?.podcastSoundbites).toEqual([
      { startTime: 5, duration: 20, title: "The bells at noon" },
      { startTime: 30, duration: 15.5, title: "Bells & <Whistles>: the Harbour at Noon" },
    ]);
    const far = parseFeed(readFeed(run.output, "elsewhere").xml)?.items[0];
    expect(far?.enclosure).toEqual({ url: "https://cdn.example.net/episodes/far-away.m4a", length: 98765, type: "audio/mp4" });
  });

  it("makes no podcast feed for a show without episodes, and announces none; the site feed has every story", () => {
    expect(fs.existsSync(path.join(run.output, "shows", "paper-only", "feed.xml"))).toBe(false);
    const show = parseHTML(fs.readFileSync(path.join(run.output, "shows/paper-only/index.html"), "utf8")).document;
    expect(show.querySelector('link[rel="alternate"]')).toBeNull();
    expect(show.querySelector(".feed-link")).toBeNull();
    const story = parseHTML(fs.readFileSync(path.join(run.output, "stories/paper-only/index.html"), "utf8")).document;
    expect(story.querySelector('link[rel="alternate"]')).toBeNull();
    // The site feed: every story, with or without audio, announced on the home page.
    const xml = fs.readFileSync(path.join(run.output, "feed.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = (parser.parse(xml) as { rss: { channel: Channel } }).rss.channel;
    expect(channel["atom:link"]).toEqual({ "@_href": `${BASE}feed.xml`, "@_rel": "self", "@_type": "application/rss+xml" });
    expect(channel.item.map((i) => i.title)).toEqual(["Quiet Hours", "Written Down", "Bells & <Whistles>: the Harbour at Noon", "Far Away"]);
    const home = parseHTML(fs.readFileSync(path.join(run.output, "index.html"), "utf8")).document;
    const alternate = home.querySelector('head link[rel="alternate"]');
    expect(alternate?.getAttribute("href")).toBe("/radio/feed.xml");
    expect(alternate?.getAttribute("type")).toBe("application/rss+xml");
    expect(fs.readFileSync(path.join(run.output, "sitemap.xml"), "utf8")).not.toContain("feed.xml");
  });

  it("says in the build's output what directories recommend and the feed lacks: a show without a guid, podcast:locked", () => {
    expect(run.stderr).toContain(`content/shows/elsewhere/show.yml: warning: The podcast feed of Elsewhere (shows/elsewhere/feed.xml) takes its podcast:guid from the feed's address`);
    expect(run.stderr).toContain(`add guid: ${podcastGuid(`${BASE}shows/elsewhere/feed.xml`)} to content/shows/elsewhere/show.yml`);
    expect(run.stderr).toMatch(/content\/_data\/site\.json: warning: [^\n]*podcast:locked/u);
    expect(run.stderr).not.toContain("tides-currents/show.yml: warning");
  });

  it("links every transcript file of a story, absolute, typed, in the story's language, captions marked", () => {
    const { channel } = readFeed(run.output, "tides-currents");
    const [bells] = channel.item;
    const story = `${BASE}stories/harbour-bells/`;
    expect(bells?.["podcast:transcript"]).toEqual([
      { "@_url": `${story}transcript.vtt`, "@_type": "text/vtt", "@_language": "en", "@_rel": "captions" },
      { "@_url": `${story}transcript.srt`, "@_type": "application/x-subrip", "@_language": "en", "@_rel": "captions" },
      { "@_url": `${story}transcript.json`, "@_type": "application/json", "@_language": "en" },
      { "@_url": `${story}transcript.txt`, "@_type": "text/plain", "@_language": "en" },
    ]);
    // Untimed: text only (a Podcasting 2.0 JSON transcript gives every segment a startTime).
    const far = readFeed(run.output, "elsewhere").channel.item[0];
    expect(far?.["podcast:transcript"].map((t) => [t["@_type"], t["@_rel"]])).toEqual([["text/plain", undefined]]);
    for (const item of channel.item) {
      for (const t of item["podcast:transcript"]) expect(fs.existsSync(fileFor(run.output, t["@_url"])), t["@_url"]).toBe(true);
    }
  });

  it("names each identifiable speaker with a Podcast Taxonomy role and their speaker page; no unnamed voices or crowds", () => {
    const { channel } = readFeed(run.output, "tides-currents");
    const people = channel.item[0]?.["podcast:person"];
    expect(people).toEqual([
      { "#text": "Nora Quill", "@_role": "host", "@_group": "cast", "@_href": `${BASE}speakers/nora-quill/` },
      { "#text": "Ben Adeyemi", "@_role": "reporter", "@_group": "cast", "@_href": `${BASE}speakers/ben-adeyemi/` },
      { "#text": "Marta Ros", "@_role": "guest", "@_group": "cast", "@_href": `${BASE}speakers/marta-ros/` },
    ]);
    for (const person of people ?? []) expect(fs.existsSync(fileFor(run.output, person["@_href"] ?? "")), person["@_href"]).toBe(true);
  });

  it("is announced in the show page's head and linked visibly on it, and kept out of the sitemap", () => {
    const { document } = parseHTML(fs.readFileSync(path.join(run.output, "shows/tides-currents/index.html"), "utf8"));
    const alternate = document.querySelector('head link[rel="alternate"]');
    expect(alternate?.getAttribute("type")).toBe("application/rss+xml");
    expect(alternate?.getAttribute("title")).toBe(`${SHOW} – podcast feed`);
    expect(alternate?.getAttribute("href")).toBe("/radio/shows/tides-currents/feed.xml");
    const visible = [...document.querySelectorAll("main a")].find((a) => a.textContent?.startsWith("Podcast feed"));
    expect(visible?.getAttribute("href")).toBe("/radio/shows/tides-currents/feed.xml");
    expect(visible?.getAttribute("type")).toBe("application/rss+xml");
    const sitemap = fs.readFileSync(path.join(run.output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`${BASE}shows/tides-currents/</loc>`);
    expect(sitemap).not.toContain("feed.xml");
  });
});

describe("a build the feed checks stop", () => {
  it("fails before writing anything, naming every file and field to fix at once", async () => {
    const project = makeProject({ stories: [] });
    const stories = path.join(project, "content", "stories");
    // Remote audio without its size; a show with an episode and no art; no "explicit"; a wrong category.
    fs.writeFileSync(path.join(stories, "far-away.md"), REMOTE.replace(/audio: .*/u, "audio: https://cdn.example.net/episodes/far-away.m4a"));
    const site = JSON.parse(fs.readFileSync(path.join(project, "content", "_data", "site.json"), "utf8")) as Record<string, unknown>;
    delete site.explicit;
    site.category = "Radio";
    fs.writeFileSync(path.join(project, "content", "_data", "site.json"), JSON.stringify(site, null, 2));
    const output = path.join(project, "_out");
    const failed = await runBuild(["--skip-audit"], project, output);
    expect(failed.code).toBe(1);
    expect(fs.existsSync(output)).toBe(false);
    expect(failed.stderr).toContain("content/stories/far-away.md:5: The audio https://cdn.example.net/episodes/far-away.m4a is on another host");
    expect(failed.stderr).toContain("bytes: 48213344");
    expect(failed.stderr).toContain("content/shows/elsewhere/show.yml: The podcast feed of Elsewhere (shows/elsewhere/feed.xml) has no artwork (itunes:image)");
    expect(failed.stderr).toMatch(/content\/_data\/site\.json:\d+: "Radio" is not an Apple Podcasts category/u);
    expect(failed.stderr).toMatch(/content\/_data\/site\.json: The podcast feed of Elsewhere[^\n]*itunes:explicit[^]*Fix: add "explicit": false/u);
    expect(failed.stderr).toMatch(/4 problems in the content/u);
  });
});

describe("the sample site's feeds", () => {
  it("has a feed for each show with episodes, each read by a real podcast-feed parser, with its episodes only", async () => {
    const sample = await runBuild(["--skip-audit", "--base-url", BASE], REPO);
    expect(sample.code, sample.stderr).toBe(0);
    // The sample site meets every rule, recommended ones too.
    expect(sample.stderr).not.toContain("warning: The podcast feed");
    const shows = fs.readdirSync(path.join(sample.output, "shows"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(shows.length).toBeGreaterThanOrEqual(2);
    const withFeeds = shows.filter((show) => fs.existsSync(path.join(sample.output, "shows", show, "feed.xml")));
    expect(withFeeds).toEqual(["the-long-table"]);
    let episodes = 0;
    for (const show of withFeeds) {
      const { xml, channel } = readFeed(sample.output, show);
      const feed = parseFeed(xml);
      expect(feed, show).not.toBeNull();
      const yml = fs.readFileSync(path.join(REPO, "content", "shows", show, "show.yml"), "utf8");
      expect(feed?.guid).toBe(/^guid: (.+)$/mu.exec(yml)?.[1]);
      expect(feed?.itunesImage, show).toMatch(/^https:\/\/example\.org\/radio\/images\/shows\/.+\.jpg$/u);
      expect(feed?.items.map((i) => i.guid).sort()).toEqual(channel.item.map((i) => i.link).sort());
      const page = parseHTML(fs.readFileSync(path.join(sample.output, "shows", show, "index.html"), "utf8")).document;
      const linked = [...page.querySelectorAll(".story-card-title a")].map((a) => `https://example.org${a.getAttribute("href") ?? ""}`);
      for (const item of feed?.items ?? []) {
        expect(linked, item.title).toContain(item.link);
        expect(item.enclosure.length, item.title).toBe(fs.statSync(fileFor(sample.output, item.enclosure.url)).size);
        expect(item.enclosure.type).toMatch(/^audio\//u);
        expect(item.podcastTranscripts?.length, item.title).toBeGreaterThan(0);
        for (const t of item.podcastTranscripts ?? []) expect(fs.existsSync(fileFor(sample.output, t.url)), t.url).toBe(true);
      }
      episodes += feed?.items.length ?? 0;
    }
    const withAudio = fs.readdirSync(path.join(REPO, "content", "stories"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .filter((f) => /^audio:/mu.test(fs.readFileSync(path.join(REPO, "content", "stories", f), "utf8")));
    expect(episodes).toBe(withAudio.length);
    // The season, episode and soundbites of the sample's episode come through.
    const moreau = parseFeed(readFeed(sample.output, "the-long-table").xml)?.items.find((i) => i.link?.endsWith("/captain-moreau/"));
    expect([moreau?.itunesSeason, moreau?.itunesEpisode, moreau?.itunesEpisodeType, moreau?.podcastSoundbites?.length]).toEqual([1, 1, "full", 2]);
    // Every story is in the site feed (a podcast parser would drop the items without audio).
    const site = parser.parse(fs.readFileSync(path.join(sample.output, "feed.xml"), "utf8")) as { rss: { channel: Channel } };
    expect(site.rss.channel.item.length).toBe(fs.readdirSync(path.join(sample.output, "stories")).length);
  });
});

describe("feed pieces", () => {
  it("escapes XML's five special characters and drops characters XML cannot hold", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXml("bell\u0007 tab\t \uD800x \u{1F514}")).toBe("bell tab\t x \u{1F514}");
    const xml = `<r a="${escapeXml(`"<&>'`)}">${escapeXml("]]> </r>")}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("derives podcast:guid as the Podcasting 2.0 spec's examples do", () => {
    expect(podcastGuid("https://mp3s.nashownotes.com/pc20rss.xml")).toBe("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    expect(podcastGuid("podnews.net/rss")).toBe("9b024349-ccf0-5f69-a609-6b82873eab3c");
    expect(podcastGuid("https://podnews.net/rss///")).toBe("9b024349-ccf0-5f69-a609-6b82873eab3c");
    // RFC 4122 appendix B's version-5 example (DNS namespace, "www.example.com").
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("writes dates in RFC 822, reading a time zone when the story gives one", () => {
    expect(rfc822("2026-04-21")).toBe("Tue, 21 Apr 2026 00:00:00 GMT");
    expect(rfc822("2026-04-21T06:30:00+02:00")).toBe("Tue, 21 Apr 2026 04:30:00 GMT");
    expect(rfc822("2026-04-21 23:15")).toBe("Tue, 21 Apr 2026 23:15:00 GMT");
  });

  it("maps the transcript's roles onto the Podcast Taxonomy", () => {
    expect(personRole({ role: "host", roleKind: "host" })).toEqual({ role: "host", group: "cast" });
    expect(personRole({ role: "co-host", roleKind: "host" })).toEqual({ role: "co-host", group: "cast" });
    expect(personRole({ role: "reporter", roleKind: "byline" })).toEqual({ role: "reporter", group: "cast" });
    expect(personRole({ role: "correspondent", roleKind: "byline" })).toEqual({ role: "reporter", group: "cast" });
    expect(personRole({ role: "producer", roleKind: "byline" })).toEqual({ role: "producer", group: "creative direction" });
    expect(personRole({ role: "mayor", roleKind: "other" })).toEqual({ role: "guest", group: "cast" });
    expect(personRole({ roleKind: "other" })).toEqual({ role: "guest", group: "cast" });
  });
});
