// What podcast directories require of a show's feed, as one table: the Podcast Standards
// Project's PSP-1 (required and recommended channel and item elements) and Apple Podcasts'
// requirements (artwork 1400–3000 px, square, RGB; an enclosure with a real length and an audio
// type on every episode; no enclosure URL used twice). Each rule names the element it guards and
// says, for an editor, which file and field to fix.
//
// The checks run on the model before anything is written (src/site/feed-checks.ts): a required
// rule that fails stops the build, every problem listed at once; a recommended one is a warning
// in the build's output. Pure: the caller measures local audio and reads the artwork's header.

import { exportsFor } from "../interchange/exporters/index.ts";
import { FEED_ART_MAX, FEED_ART_MIN } from "../images/feed-art.ts";
import type { SiteSettings } from "../story/settings.ts";
import type { ShowGroup } from "../story/site.ts";
import type { Story } from "../story/story.ts";
import { APPLE_CATEGORIES } from "./apple-categories.ts";
import { feedPath, podcastGuid } from "./rss.ts";

export type RuleLevel = "required" | "recommended";

/** One problem with one feed: where to fix it (file, line), what is wrong, how to fix it. */
export interface FeedProblem {
  rule: string;
  level: RuleLevel;
  /** The element of the feed the problem is about: "itunes:category", "enclosure length". */
  element: string;
  file: string;
  line?: number;
  problem: string;
  fix: string;
}

/** Where a show's feed gets what it says from, and what the build measured. */
export interface FeedCheckInput {
  show: ShowGroup;
  settings: SiteSettings;
  /** "content/_data/site.json" and the line of a field in it, when it has one. */
  settingsFile: string;
  settingsLine?: (field: string) => number | undefined;
  /** "content/shows/<slug>/show.yml" (whether or not it exists yet). */
  showFile: string;
  /** Size in bytes of a story's local audio file. */
  audioBytes: (story: Story) => number | undefined;
  /** The show's artwork as planned for podcast apps, and its source image. */
  feedArt?: { size: number; source: { file: string; width: number; height: number; space?: string; hasAlpha?: boolean } };
}

type Found = Omit<FeedProblem, "rule" | "level" | "element">;

export interface FeedRule {
  name: string;
  element: string;
  level: RuleLevel;
  /** What the rule asks, in a few words (docs/publishing.md lists the same). */
  asks: string;
  check(input: FeedCheckInput): Found[];
}

const TEXT_MAX = 255;
const DESCRIPTION_MAX_BYTES = 4000;
const SOUNDBITE_MIN = 15;
const SOUNDBITE_MAX = 120;
/** The enclosure types podcast apps play. */
const MEDIA_TYPE = /^(?:audio|video)\/[a-z0-9.+-]+$/u;
/** Colour spaces Apple accepts for artwork: RGB. */
const RGB_SPACES = new Set(["srgb", "rgb", "scrgb", "rgb16"]);

const feedName = (input: FeedCheckInput) => `The podcast feed of ${input.show.name} (${feedPath(input.show).slice(1)})`;

function inSettings(input: FeedCheckInput, field: string, problem: string, fix: string): Found {
  const line = input.settingsLine?.(field);
  return { file: input.settingsFile, ...(line ? { line } : {}), problem, fix };
}

function inShow(input: FeedCheckInput, line: number | undefined, problem: string, fix: string): Found {
  return { file: input.showFile, ...(line ? { line } : {}), problem, fix };
}

function inStory(story: Story, line: number | undefined, problem: string, fix: string): Found {
  return { file: story.file, line: line ?? 1, problem, fix };
}

function feedUrl(input: FeedCheckInput): string {
  return new URL(feedPath(input.show).replace(/^\//u, ""), input.settings.url).href;
}

const isHttp = (url: string) => {
  try {
    return /^https?:$/u.test(new URL(url).protocol);
  } catch {
    return false;
  }
};

const categoryList = () => Object.keys(APPLE_CATEGORIES).join(", ");

/** Every rule, channel first, then items; the order problems are listed in. */
export const FEED_RULES: readonly FeedRule[] = [
  // The channel: PSP-1's required elements.
  {
    name: "self-link",
    element: 'atom:link rel="self"',
    level: "required",
    asks: "the feed's own address, absolute",
    check: (input) =>
      isHttp(feedUrl(input)) ? [] : [inSettings(input, "url", `${feedName(input)} has no absolute http(s) address for atom:link rel="self".`, 'set "url" to the address the site is published at, e.g. "https://example.org/".')],
  },
  {
    name: "title",
    element: "title",
    level: "required",
    asks: `the show's name, 1 to ${TEXT_MAX} characters`,
    check: (input) => {
      const name = input.show.name.trim();
      if (name && name.length <= TEXT_MAX) return [];
      const story = input.show.episodes[0] ?? input.show.stories[0];
      const problem = name ? `${feedName(input)} would have a title of ${name.length} characters; directories take at most ${TEXT_MAX}.` : `${feedName(input)} has no title.`;
      return story ? [inStory(story, story.lines.show, problem, "give the show a shorter name in the show: field of its stories.")] : [];
    },
  },
  {
    name: "description",
    element: "description",
    level: "required",
    asks: `text describing the show, at most ${DESCRIPTION_MAX_BYTES} bytes`,
    check: (input) => {
      const text = input.show.description ?? `${input.show.name}, from ${input.settings.title}: every episode with its full transcript. ${input.settings.description}`;
      const bytes = Buffer.byteLength(text.trim(), "utf8");
      if (bytes > 0 && bytes <= DESCRIPTION_MAX_BYTES) return [];
      return [inShow(input, undefined, `${feedName(input)} has a description of ${bytes} bytes; directories take 1 to ${DESCRIPTION_MAX_BYTES}.`, "write a shorter description: in show.yml (a paragraph is plenty).")];
    },
  },
  {
    name: "link",
    element: "link",
    level: "required",
    asks: "the show's page, absolute",
    check: (input) => (isHttp(new URL(input.show.url.replace(/^\//u, ""), input.settings.url).href) ? [] : [inSettings(input, "url", `${feedName(input)} has no absolute link to the show's page.`, 'set "url" to the address the site is published at.')]),
  },
  {
    name: "language",
    element: "language",
    level: "required",
    asks: "an ISO 639 language code",
    check: (input) =>
      /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iu.test(input.settings.language)
        ? []
        : [inSettings(input, "language", `${feedName(input)} has the language "${input.settings.language}", which is not an ISO 639 code.`, 'set "language" to the code of the language spoken, e.g. "en" or "en-GB".')],
  },
  {
    name: "category",
    element: "itunes:category",
    level: "required",
    asks: "an Apple Podcasts category (and, optionally, one of its subcategories)",
    check: (input) => {
      const { category, subcategory } = input.settings;
      if (!category) return [inSettings(input, "category", `${feedName(input)} has no itunes:category: directories file a show under one.`, `add "category" to site.json, one of Apple Podcasts' categories: ${categoryList()}.`)];
      const subcategories = APPLE_CATEGORIES[category];
      if (!subcategories) return [inSettings(input, "category", `"${category}" is not an Apple Podcasts category.`, `set "category" to one of: ${categoryList()} (spelled and capitalised as here).`)];
      if (subcategory && !subcategories.includes(subcategory)) {
        const choices = subcategories.length ? `one of ${subcategories.join(", ")}` : `none (${category} has no subcategories): remove it`;
        return [inSettings(input, "subcategory", `"${subcategory}" is not a subcategory of ${category} in Apple Podcasts.`, `set "subcategory" to ${choices}.`)];
      }
      return [];
    },
  },
  {
    name: "explicit",
    element: "itunes:explicit",
    level: "required",
    asks: "the parental advisory, said on purpose: true or false",
    check: (input) =>
      input.settings.explicit === undefined
        ? [inSettings(input, "explicit", `${feedName(input)} needs itunes:explicit, and site.json does not say whether the shows are explicit.`, 'add "explicit": false to site.json (or true, when episodes have explicit language or adult content).')]
        : [],
  },
  {
    name: "image",
    element: "itunes:image",
    level: "required",
    asks: "the show's artwork",
    check: (input) =>
      input.show.art
        ? []
        : [inShow(input, undefined, `${feedName(input)} has no artwork (itunes:image): directories list no show without it.`, `add art to ${input.showFile}: art: { file: art.jpg, alt: "What the art shows" }, a square image ${FEED_ART_MIN} to ${FEED_ART_MAX} px, RGB.`)],
  },
  {
    name: "image-size",
    element: "itunes:image",
    level: "required",
    asks: `square artwork ${FEED_ART_MIN} to ${FEED_ART_MAX} px`,
    check: (input) => {
      const art = input.feedArt;
      if (!art || (art.size >= FEED_ART_MIN && art.size <= FEED_ART_MAX)) return [];
      return [inShow(input, input.show.artLine, `The artwork for ${input.show.name}'s feed would be ${art.size} px square; podcast apps need ${FEED_ART_MIN} to ${FEED_ART_MAX}.`, `use art of at least ${FEED_ART_MIN}×${FEED_ART_MIN} px, ideally ${FEED_ART_MAX}×${FEED_ART_MAX}.`)];
    },
  },
  {
    name: "image-rgb",
    element: "itunes:image",
    level: "required",
    asks: "artwork in the RGB colour space",
    check: (input) => {
      const space = input.feedArt?.source.space;
      if (!space || RGB_SPACES.has(space)) return [];
      const what = space === "cmyk" ? "CMYK (print colours)" : space === "b-w" || space === "grey16" ? "greyscale" : `in the ${space} colour space`;
      return [inShow(input, input.show.artLine, `The art ${input.feedArt?.source.file} is ${what}; podcast apps need RGB artwork.`, "export the art again as an RGB JPEG or PNG (in an image editor: Image › Mode › RGB), then build again.")];
    },
  },
  {
    name: "image-square",
    element: "itunes:image",
    level: "recommended",
    asks: "square source art (other art is cropped to its centre)",
    check: (input) => {
      const source = input.feedArt?.source;
      if (!source || source.width === source.height) return [];
      return [inShow(input, input.show.artLine, `The art ${source.file} is ${source.width}×${source.height} px; the podcast artwork is cropped to its centre square.`, "use square art, so nothing is cut off.")];
    },
  },
  {
    name: "image-opaque",
    element: "itunes:image",
    level: "recommended",
    asks: "art without transparency",
    check: (input) => {
      const source = input.feedArt?.source;
      if (!source?.hasAlpha) return [];
      return [inShow(input, input.show.artLine, `The art ${source.file} has an alpha channel; the podcast artwork is a JPEG, where transparent areas turn black.`, "export the art without transparency (flatten it onto its background colour).")];
    },
  },
  {
    name: "episodes",
    element: "item",
    level: "required",
    asks: "at least one episode",
    check: (input) =>
      input.show.episodes.length
        ? []
        : [inShow(input, undefined, `${feedName(input)} has no episode: none of the show's stories has audio.`, "give a story of the show audio: (a story without audio is not an episode).")],
  },
  // The channel: PSP-1's recommended elements.
  {
    name: "guid",
    element: "podcast:guid",
    level: "recommended",
    asks: "a podcast:guid set in show.yml, so moving the site does not make a new podcast",
    check: (input) =>
      input.show.guid
        ? []
        : [inShow(input, undefined, `${feedName(input)} takes its podcast:guid from the feed's address, so moving the site would make podcast apps see a new podcast.`, `add guid: ${podcastGuid(feedUrl(input))} to ${input.showFile} (the guid the feed has now); set it once and keep it forever.`)],
  },
  {
    name: "author",
    element: "itunes:author",
    level: "recommended",
    asks: "who makes the show",
    check: (input) => (input.settings.author ? [] : [inSettings(input, "author", `${feedName(input)} names the site's title as itunes:author.`, 'add "author" to site.json: the newsroom, group or people who make the shows.')]),
  },
  {
    name: "owner",
    element: "itunes:owner",
    level: "recommended",
    asks: "an email address directories can reach the publisher at",
    check: (input) => (input.settings.email ? [] : [inSettings(input, "email", `${feedName(input)} has no itunes:owner: directories cannot reach the publisher.`, 'add "email" to site.json: an address that reads the directories\' mail.')]),
  },
  {
    name: "locked",
    element: "podcast:locked",
    level: "recommended",
    asks: "whether other hosts may import the feed",
    check: (input) =>
      input.settings.locked === undefined
        ? [inSettings(input, "locked", `${feedName(input)} does not say whether other podcast hosts may import it (podcast:locked).`, 'add "locked": true to site.json (or false, to let any host import the shows).')]
        : [],
  },
  // Every item (episode).
  {
    name: "item-title",
    element: "item title",
    level: "required",
    asks: `the episode's title, 1 to ${TEXT_MAX} characters`,
    check: (input) =>
      input.show.episodes
        .filter((story) => story.title.trim().length === 0 || story.title.length > TEXT_MAX)
        .map((story) => inStory(story, story.lines.title, `The episode's title is ${story.title.length} characters long; directories take 1 to ${TEXT_MAX}.`, "write a shorter title:; the summary: can say the rest.")),
  },
  {
    name: "enclosure-length",
    element: "enclosure length",
    level: "required",
    asks: "the audio file's real size in bytes",
    check: (input) =>
      input.show.episodes.flatMap((story) => {
        const audio = story.audio;
        if (!audio) return [];
        if (audio.file) {
          const size = input.audioBytes(story);
          if (!size) return [inStory(story, story.lines.audio, `The audio file ${audio.file} is empty.`, "put the episode's real audio file next to the story.")];
          if (audio.bytes !== undefined && audio.bytes !== size) {
            return [inStory(story, story.lines.audio, `The audio says bytes: ${audio.bytes}, but ${audio.file} is ${size} bytes.`, "remove bytes: the build measures a file next to the story itself.")];
          }
          return [];
        }
        if (audio.bytes) return [];
        return [inStory(story, story.lines.audio, `The audio ${audio.url} is on another host, so the build cannot know its size, and the feed's enclosure needs it.`, `give its size in bytes: audio: { url: ${audio.url}, bytes: 48213344 } (curl -sI the address and copy Content-Length).`)];
      }),
  },
  {
    name: "enclosure-type",
    element: "enclosure type",
    level: "required",
    asks: "an audio or video MIME type",
    check: (input) =>
      input.show.episodes
        .filter((story) => story.audio && !MEDIA_TYPE.test(story.audio.type ?? ""))
        .map((story) => inStory(story, story.lines.audio, `The audio ${story.audio?.url ?? ""} has no file type podcast apps know (its name does not end in .mp3, .m4a, .ogg …).`, "use an address ending in the file's extension, or say the type: audio: { url: …, bytes: …, type: audio/mpeg }.")),
  },
  {
    name: "enclosure-unique",
    element: "enclosure url",
    level: "required",
    asks: "a different audio file for every episode",
    check: (input) => {
      const seen = new Map<string, Story>();
      const found: Found[] = [];
      for (const story of [...input.show.episodes].reverse()) {
        const url = story.audio ? new URL(story.audio.url.replace(/^\//u, ""), input.settings.url).href : "";
        const first = seen.get(url);
        if (first) found.push(inStory(story, story.lines.audio, `This episode's audio ${story.audio?.url ?? ""} is also ${first.file}'s: Apple Podcasts ignores an episode whose audio address was used before.`, "give each episode its own audio file."));
        else seen.set(url, story);
      }
      return found;
    },
  },
  {
    name: "guid-unique",
    element: "item guid",
    level: "required",
    asks: "a different guid for every episode",
    check: (input) => {
      const seen = new Set<string>();
      return input.show.episodes.flatMap((story) => {
        if (!seen.has(story.url)) {
          seen.add(story.url);
          return [];
        }
        return [inStory(story, 1, `Two episodes would have the guid ${story.url}.`, "rename one of the two stories' files.")];
      });
    },
  },
  {
    name: "soundbite-range",
    element: "podcast:soundbite",
    level: "required",
    asks: "soundbites inside the episode",
    check: (input) =>
      input.show.episodes.flatMap((story) =>
        story.episode.soundbites
          .filter((bite) => story.duration && bite.start + bite.duration > story.duration.seconds)
          .map((bite) => inStory(story, story.lines.soundbites, `A soundbite runs from ${bite.start} s to ${bite.start + bite.duration} s, past the end of the episode (${story.duration?.seconds ?? 0} s).`, "correct its start: or duration:, or the story's duration:.")),
      ),
  },
  {
    name: "soundbite-length",
    element: "podcast:soundbite",
    level: "recommended",
    asks: `soundbites of ${SOUNDBITE_MIN} to ${SOUNDBITE_MAX} seconds`,
    check: (input) =>
      input.show.episodes.flatMap((story) =>
        story.episode.soundbites
          .filter((bite) => bite.duration < SOUNDBITE_MIN || bite.duration > SOUNDBITE_MAX)
          .map((bite) => inStory(story, story.lines.soundbites, `A soundbite lasts ${bite.duration} s; podcast apps preview ${SOUNDBITE_MIN} to ${SOUNDBITE_MAX} s.`, `give it a duration: between ${SOUNDBITE_MIN} and ${SOUNDBITE_MAX}.`)),
      ),
  },
  {
    name: "duration",
    element: "itunes:duration",
    level: "recommended",
    asks: "the episode's length",
    check: (input) =>
      input.show.episodes.filter((story) => !story.duration).map((story) => inStory(story, story.lines.audio, "The episode has no duration: podcast apps show its length before it is downloaded.", 'add duration: to the front matter, e.g. duration: "42:10".')),
  },
  {
    name: "item-description",
    element: "item description",
    level: "recommended",
    asks: "a summary of the episode",
    check: (input) =>
      input.show.episodes.filter((story) => !story.summary).map((story) => inStory(story, story.lines.title, "The episode has no summary: the feed repeats its title as the description.", "add summary: with a sentence or two about the episode.")),
  },
  {
    name: "transcript",
    element: "podcast:transcript",
    level: "recommended",
    asks: "the episode's transcript",
    check: (input) => input.show.episodes.filter((story) => exportsFor(story).length === 0).map((story) => inStory(story, 1, "The episode has no transcript file to link.", "write the transcript below the front matter.")),
  },
];

/** Every problem of one show's feed, required and recommended, in the table's order. */
export function checkFeed(input: FeedCheckInput): FeedProblem[] {
  return FEED_RULES.flatMap((rule) => rule.check(input).map((found) => ({ rule: rule.name, level: rule.level, element: rule.element, ...found })));
}

/** What no single feed can see: two shows with one podcast:guid. */
export function checkAcrossFeeds(inputs: readonly FeedCheckInput[]): FeedProblem[] {
  const owners = new Map<string, FeedCheckInput>();
  const problems: FeedProblem[] = [];
  for (const input of inputs) {
    const guid = input.show.guid ?? podcastGuid(feedUrl(input));
    const first = owners.get(guid);
    if (!first) {
      owners.set(guid, input);
      continue;
    }
    problems.push({
      rule: "guid-shared",
      level: "required",
      element: "podcast:guid",
      file: input.showFile,
      ...(input.show.guidLine ? { line: input.show.guidLine } : {}),
      problem: `${input.show.name} has the podcast:guid ${guid}, like ${first.show.name} (${first.showFile}): podcast apps would take them for one podcast.`,
      fix: `give this show its own guid: (for a new show, ${podcastGuid(feedUrl(input))}).`,
    });
  }
  return problems;
}
