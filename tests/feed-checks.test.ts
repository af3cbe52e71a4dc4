// The podcast feed checks (src/feeds/checks.ts), rule by rule: a clean show passes every rule,
// and for each rule a model with that one fault names the rule, the file and the line to fix.
// Then the new front matter (season, episode, episodeType, soundbites, audio bytes), show.yml's
// guid, and the elements they become in the feed.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { checkAcrossFeeds, checkFeed, FEED_RULES, type FeedCheckInput } from "../src/feeds/checks.ts";
import { episodeElements, namespaceSeconds } from "../src/feeds/episode-elements.ts";
import { podcastGuid, renderFeed } from "../src/feeds/rss.ts";
import { renderSiteFeed } from "../src/feeds/site-feed.ts";
import { InputError } from "../src/story/errors.ts";
import { parseSettings, type SiteSettings } from "../src/story/settings.ts";
import { parseShowConfig } from "../src/story/show-config.ts";
import { buildSite, type ShowGroup } from "../src/story/site.ts";
import { parseStory, type Story } from "../src/story/story.ts";

const SETTINGS_FILE = "content/_data/site.json";
const SHOW_FILE = "content/shows/tides/show.yml";
const GUID = "0d4f3a52-9c1e-4b7e-8f2a-3c5d6e7f8a9b";

const FULL_SETTINGS = {
  title: "Tide Radio", url: "https://example.org/", language: "en", description: "Stories from the harbour.",
  author: "Tide Radio", email: "desk@example.org", category: "News", subcategory: "Daily News", explicit: false, locked: true,
};

function settingsWith(changes: Record<string, unknown> = {}): SiteSettings {
  const data: Record<string, unknown> = { ...FULL_SETTINGS, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete data[key];
  return parseSettings(SETTINGS_FILE, data);
}

const EPISODE_FRONT = `title: Bells at Noon
show: Tides
date: 2026-03-02
summary: The harbour bells ring again.
duration: "2:05"
audio: audio.mp3
season: 2
episode: 7
episodeType: bonus
soundbites:
  - { start: "0:05", duration: 20, title: The bells }`;

function story(front: string, file = "content/stories/bells/index.md", settings = settingsWith()): Story {
  return parseStory({ file, raw: `---\n${front}\n---\n[0:00] NORA QUILL, HOST: Good evening.\n` }, { settings, contentDir: "content", storiesDir: "content/stories" });
}

interface Case {
  stories?: Story[];
  settings?: SiteSettings;
  showYml?: string | undefined;
  audioBytes?: number | undefined;
  feedArt?: FeedCheckInput["feedArt"];
}

const ART = { size: 3000, source: { file: "content/shows/tides/art.png", width: 3000, height: 3000, space: "srgb" } };

function input(c: Case = {}): FeedCheckInput {
  const settings = c.settings ?? settingsWith();
  const yml = "showYml" in c ? c.showYml : `description: Tides from the harbour.\nart: { file: art.png, alt: "Tides" }\nguid: ${GUID}\n`;
  const configs = yml === undefined ? [] : [parseShowConfig(SHOW_FILE, yml, "tides", "content")];
  const site = buildSite(settings, c.stories ?? [story(EPISODE_FRONT)], configs);
  const show = (site.shows.find((s) => s.slug === "tides") ?? site.shows[0]) as ShowGroup;
  return {
    show,
    settings,
    settingsFile: SETTINGS_FILE,
    settingsLine: (field) => Object.keys(FULL_SETTINGS).indexOf(field) + 2 || undefined,
    showFile: SHOW_FILE,
    audioBytes: () => ("audioBytes" in c ? c.audioBytes : 4321),
    ...("feedArt" in c ? (c.feedArt ? { feedArt: c.feedArt } : {}) : { feedArt: ART }),
  };
}

/** The problems of one rule. */
const of = (rule: string, c: Case) => checkFeed(input(c)).filter((p) => p.rule === rule);

describe("the feed checks", () => {
  it("pass a show with everything directories ask for", () => {
    expect(checkFeed(input())).toEqual([]);
  });

  it("have a name, an element, a level and what they ask for on every rule, each name once", () => {
    const names = FEED_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of FEED_RULES) {
      expect(rule.element, rule.name).not.toBe("");
      expect(["required", "recommended"], rule.name).toContain(rule.level);
      expect(rule.asks, rule.name).not.toBe("");
    }
  });

  // One known fault per rule: [rule, the case, the file, the line (or undefined), words of the message or fix].
  const faults: Array<[string, () => Case, string, number | undefined, RegExp]> = [
    ["self-link", () => ({ settings: { ...settingsWith(), url: "ftp://example.org/" } }), SETTINGS_FILE, 3, /url/u],
    ["title", () => ({ stories: [story(EPISODE_FRONT.replace("show: Tides", `show: Tides ${"x".repeat(260)}`))] }), "content/stories/bells/index.md", 3, /at most 255/u],
    ["description", () => ({ showYml: `description: ${"é".repeat(2100)}\nart: { file: art.png, alt: "Tides" }\nguid: ${GUID}\n` }), SHOW_FILE, undefined, /4000/u],
    ["link", () => ({ settings: { ...settingsWith(), url: "ftp://example.org/" } }), SETTINGS_FILE, 3, /show's page/u],
    ["language", () => ({ settings: { ...settingsWith(), language: "english language" } }), SETTINGS_FILE, 4, /ISO 639/u],
    ["category", () => ({ settings: settingsWith({ category: undefined, subcategory: undefined }) }), SETTINGS_FILE, 8, /add "category"/u],
    ["category", () => ({ settings: settingsWith({ category: "Newz" }) }), SETTINGS_FILE, 8, /"Newz" is not an Apple Podcasts category/u],
    ["category", () => ({ settings: settingsWith({ subcategory: "Documentary" }) }), SETTINGS_FILE, 9, /not a subcategory of News/u],
    ["explicit", () => ({ settings: settingsWith({ explicit: undefined }) }), SETTINGS_FILE, 10, /"explicit": false/u],
    ["image", () => ({ showYml: `guid: ${GUID}\n`, feedArt: undefined }), SHOW_FILE, undefined, /art: \{ file: art\.jpg/u],
    ["image-size", () => ({ feedArt: { ...ART, size: 1000 } }), SHOW_FILE, 2, /1400 to 3000/u],
    ["image-rgb", () => ({ feedArt: { ...ART, source: { ...ART.source, space: "cmyk" } } }), SHOW_FILE, 2, /CMYK/u],
    ["image-rgb", () => ({ feedArt: { ...ART, source: { ...ART.source, space: "b-w" } } }), SHOW_FILE, 2, /greyscale/u],
    ["image-square", () => ({ feedArt: { ...ART, source: { ...ART.source, width: 4000 } } }), SHOW_FILE, 2, /cropped/u],
    ["image-opaque", () => ({ feedArt: { ...ART, source: { ...ART.source, hasAlpha: true } } }), SHOW_FILE, 2, /transparen/u],
    ["guid", () => ({ showYml: 'art: { file: art.png, alt: "Tides" }\n' }), SHOW_FILE, undefined, new RegExp(`guid: ${podcastGuid("https://example.org/shows/tides/feed.xml")}`, "u")],
    ["author", () => ({ settings: settingsWith({ author: undefined }) }), SETTINGS_FILE, 6, /"author"/u],
    ["owner", () => ({ settings: settingsWith({ email: undefined }) }), SETTINGS_FILE, 7, /"email"/u],
    ["locked", () => ({ settings: settingsWith({ locked: undefined }) }), SETTINGS_FILE, 11, /"locked": true/u],
    ["item-title", () => ({ stories: [story(EPISODE_FRONT.replace("title: Bells at Noon", `title: ${"B".repeat(300)}`))] }), "content/stories/bells/index.md", 2, /300 characters/u],
    ["enclosure-length", () => ({ audioBytes: 0 }), "content/stories/bells/index.md", 7, /is empty/u],
    ["enclosure-length", () => ({ stories: [story(EPISODE_FRONT.replace("audio: audio.mp3", "audio: { url: audio.mp3, bytes: 99 }"))] }), "content/stories/bells/index.md", 7, /remove bytes/u],
    ["enclosure-length", () => ({ stories: [story(EPISODE_FRONT.replace("audio: audio.mp3", "audio: https://cdn.example.net/bells.mp3"))] }), "content/stories/bells/index.md", 7, /bytes: 48213344/u],
    ["enclosure-type", () => ({ stories: [story(EPISODE_FRONT.replace("audio: audio.mp3", "audio: { url: https://cdn.example.net/bells, bytes: 99 }"))] }), "content/stories/bells/index.md", 7, /type: audio\/mpeg/u],
    ["enclosure-unique", () => ({ stories: [story(EPISODE_FRONT), story(EPISODE_FRONT.replace("audio: audio.mp3", "audio: ../bells/audio.mp3").replace("2026-03-02", "2026-03-09"), "content/stories/again/index.md")] }), "content/stories/again/index.md", 7, /also content\/stories\/bells\/index\.md's/u],
    ["soundbite-range", () => ({ stories: [story(EPISODE_FRONT.replace('start: "0:05"', 'start: "2:00"'))] }), "content/stories/bells/index.md", 11, /past the end/u],
    ["soundbite-length", () => ({ stories: [story(EPISODE_FRONT.replace("duration: 20,", "duration: 5,"))] }), "content/stories/bells/index.md", 11, /15 to 120/u],
    ["duration", () => ({ stories: [story(EPISODE_FRONT.replace('duration: "2:05"\n', "").replace(/soundbites:[^]*$/u, ""))] }), "content/stories/bells/index.md", 6, /duration: "42:10"/u],
    ["item-description", () => ({ stories: [story(EPISODE_FRONT.replace("summary: The harbour bells ring again.\n", ""))] }), "content/stories/bells/index.md", 2, /summary:/u],
  ];
  for (const [rule, make, file, line, words] of faults) {
    it(`${rule}: a feed with the fault (${words.source}) names ${file}${line ? `:${line}` : ""}`, () => {
      const found = of(rule, make());
      expect(found, rule).toHaveLength(1);
      const [problem] = found;
      expect(problem?.file).toBe(file);
      expect(problem?.line).toBe(line);
      expect(`${problem?.problem} ${problem?.fix}`).toMatch(words);
      expect(problem?.level).toBe(FEED_RULES.find((r) => r.name === rule)?.level);
    });
  }

  it("every rule that can fail on a model has a known fault above (guid-unique, episodes and transcript cannot on a real one)", () => {
    const tested = new Set(faults.map(([rule]) => rule));
    const untestable = new Set(["guid-unique", "episodes", "transcript"]);
    expect(FEED_RULES.map((r) => r.name).filter((name) => !tested.has(name) && !untestable.has(name))).toEqual([]);
  });

  it("episodes, guid-unique and transcript fail on a hand-made model with those faults", () => {
    const bells = story(EPISODE_FRONT);
    const base = input();
    const empty = checkFeed({ ...base, show: { ...base.show, episodes: [] } });
    expect(empty.filter((p) => p.rule === "episodes")).toMatchObject([{ file: SHOW_FILE, level: "required" }]);
    const twice = checkFeed({ ...base, show: { ...base.show, episodes: [bells, { ...bells, audio: { url: "/stories/other.mp3", file: "content/stories/other.mp3", type: "audio/mpeg" } }] } });
    expect(twice.filter((p) => p.rule === "guid-unique")).toMatchObject([{ file: bells.file, level: "required" }]);
    const untold = checkFeed({ ...base, show: { ...base.show, episodes: [{ ...bells, blocks: [], timed: false, words: 0 } as unknown as Story] } });
    expect(untold.map((p) => p.rule)).not.toContain("guid-unique");
  });

  it("two shows with one podcast:guid fail, naming the second show.yml and its guid line", () => {
    const one = input();
    const other = { ...input(), showFile: "content/shows/currents/show.yml", show: { ...one.show, name: "Currents", slug: "currents", url: "/shows/currents/" } };
    expect(checkAcrossFeeds([one])).toEqual([]);
    expect(checkAcrossFeeds([one, other])).toMatchObject([{ rule: "guid-shared", level: "required", file: "content/shows/currents/show.yml", line: 3 }]);
  });
});

describe("a site whose podcasts are published elsewhere", () => {
  it("has no podcast feeds with \"podcastFeeds\": false, so nothing to check; its shows keep their episodes", () => {
    const settings = settingsWith({ podcastFeeds: false, category: undefined, explicit: undefined });
    const site = buildSite(settings, [story(EPISODE_FRONT)]);
    expect(site.podcasts).toEqual([]);
    expect(site.shows[0]?.episodes).toHaveLength(1);
    expect(buildSite(settingsWith(), [story(EPISODE_FRONT)]).podcasts.map((s) => s.slug)).toEqual(["tides"]);
  });
});

describe("the episode front matter", () => {
  it("reads season, episode, episodeType and soundbites (times as M:SS or seconds)", () => {
    expect(story(EPISODE_FRONT).episode).toEqual({ season: 2, episode: 7, episodeType: "bonus", soundbites: [{ start: 5, duration: 20, title: "The bells" }] });
    expect(story(EPISODE_FRONT.replace('start: "0:05"', "start: 12.5")).episode.soundbites[0]?.start).toBe(12.5);
    expect(story("title: A\nshow: Tides\ndate: 2026-03-02").episode).toEqual({ soundbites: [] });
  });

  const rejected: Array<[string, string, RegExp]> = [
    ["season 0", "season: 0", /:6: The field "season" 0 is not a season number/u],
    ["episode 1.5", "episode: 1.5", /:6: The field "episode" 1\.5 is not an episode number/u],
    ["episode as text", 'episode: "seven"', /:6: The field "episode" "seven" is not an episode number/u],
    ["episodeType", "episodeType: special", /:6: The field "episodeType" "special" is not full, trailer or bonus/u],
    ["soundbite without duration", "soundbites:\n  - { start: 3 }", /:6: The field "soundbites" \(at soundbites\.0\.duration\) is not a list of moments/u],
    ["soundbite at a bad time", 'soundbites:\n  - { start: "1:75", duration: 20 }', /at soundbites\.0\.start/u],
    ["soundbite field", "soundbites:\n  - { start: 3, duration: 20, titel: x }", /:6: Unknown key "titel" in the field "soundbites" \(at soundbites\.0\)[^]*title: "Why the ferry stopped"/u],
    ["audio bytes", "audio: { url: https://cdn.example.net/a.mp3, bytes: -4 }", /:6: The field "audio" \(at audio\.bytes\) is not a file next to the story, or a web address with its size in bytes/u],
  ];
  for (const [name, line, message] of rejected) {
    it(`rejects ${name}, naming the file, line and field`, () => {
      let error: unknown;
      try {
        story(`title: A\nshow: Tides\ndate: 2026-03-02\nduration: "1:00"\n${line}`);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^content\/stories\/bells\/index\.md:/u);
      expect((error as InputError).message).toMatch(message);
    });
  }

  it("takes audio on another host with its size and type", () => {
    const remote = story("title: A\nshow: Tides\ndate: 2026-03-02\naudio: { url: https://cdn.example.net/a, bytes: 1234, type: audio/mpeg }");
    expect(remote.audio).toEqual({ url: "https://cdn.example.net/a", type: "audio/mpeg", bytes: 1234 });
  });
});

describe("show.yml's guid", () => {
  it("is read, in lower case, with its line", () => {
    const config = parseShowConfig(SHOW_FILE, `description: D\nguid: ${GUID.toUpperCase()}\n`, "tides", "content");
    expect(config).toMatchObject({ guid: GUID, guidLine: 2 });
  });

  it("must be a UUID", () => {
    expect(() => parseShowConfig(SHOW_FILE, "guid: my-show\n", "tides", "content")).toThrow(/show\.yml:1: The show's guid is not a UUID\.[^]*set it once|never change it/u);
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => ["item", "podcast:soundbite"].includes(name) });

describe("the feed's new elements", () => {
  it("writes season, episode, type and soundbites, in both namespaces", () => {
    const lines = episodeElements(3, { season: 2, episode: 7, episodeType: "bonus", soundbites: [{ start: 5, duration: 20.25 }, { start: 60, duration: 30, title: "A & B" }] }, "Bells");
    expect(lines.map((l) => l.trim())).toEqual([
      "<itunes:episodeType>bonus</itunes:episodeType>",
      "<itunes:season>2</itunes:season>",
      "<itunes:episode>7</itunes:episode>",
      "<podcast:season>2</podcast:season>",
      "<podcast:episode>7</podcast:episode>",
      '<podcast:soundbite startTime="5.0" duration="20.25">Bells</podcast:soundbite>',
      '<podcast:soundbite startTime="60.0" duration="30.0">A &amp; B</podcast:soundbite>',
    ]);
    expect(episodeElements(3, { soundbites: [] }, "Bells")).toEqual([]);
    expect(namespaceSeconds(73)).toBe("73.0");
    expect(namespaceSeconds(1 / 3)).toBe("0.333");
  });

  it("leaves stories without audio out of the podcast feed, and takes show.yml's guid, podcast:locked and a remote file's bytes", () => {
    const settings = settingsWith();
    const remote = story("title: Far\nshow: Tides\ndate: 2026-03-01\naudio: { url: https://cdn.example.net/far.m4a, bytes: 98765 }", "content/stories/far.md");
    const quiet = story("title: Quiet\nshow: Tides\ndate: 2026-03-05", "content/stories/quiet.md");
    const xml = renderFeed({ show: { name: "Tides", slug: "tides", url: "/shows/tides/" }, stories: [quiet, remote], settings, guid: GUID });
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = (parser.parse(xml) as { rss: { channel: Record<string, unknown> & { item: Array<Record<string, unknown>> } } }).rss.channel;
    expect(channel.item.map((i) => i.title)).toEqual(["Far"]);
    expect(channel["podcast:guid"]).toBe(GUID);
    expect(channel["podcast:locked"]).toEqual({ "#text": "yes", "@_owner": "desk@example.org" });
    expect(channel.item[0]?.enclosure).toEqual({ "@_url": "https://cdn.example.net/far.m4a", "@_length": "98765", "@_type": "audio/mp4" });
  });

  it("the site feed lists every story, with or without audio, newest first, with its own self link", () => {
    const settings = settingsWith();
    const xml = renderSiteFeed([story(EPISODE_FRONT), story("title: Quiet\nshow: Tides\ndate: 2026-03-05", "content/stories/quiet.md")], settings);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = (parser.parse(xml) as { rss: { channel: Record<string, unknown> & { item: Array<Record<string, unknown>> } } }).rss.channel;
    expect(channel["atom:link"]).toEqual({ "@_href": "https://example.org/feed.xml", "@_rel": "self", "@_type": "application/rss+xml" });
    expect(channel.item.map((i) => [i.title, i.link])).toEqual([["Quiet", "https://example.org/stories/quiet/"], ["Bells at Noon", "https://example.org/stories/bells/"]]);
  });
});
