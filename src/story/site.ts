// The whole site as data: published stories and the pages that group them (tags, shows,
// speakers, archive). Pure: built from parsed stories and settings.

import type { ImageRef } from "./image-ref.ts";
import { paginate, type ListingPage } from "./listing.ts";
import type { SiteSettings } from "./settings.ts";
import type { ShowConfig } from "./show-config.ts";
import type { Link, Story } from "./story.ts";

export interface Group extends Link {
  stories: Story[];
}

export interface ShowGroup extends Group {
  description?: string;
  art?: ImageRef;
  /** The line of `art:` in show.yml, for error messages. */
  artLine?: number;
  /** The show's podcast:guid from show.yml, and its line there. */
  guid?: string;
  guidLine?: number;
  /** The show's podcast episodes: its stories with audio, newest first (a story without audio is not an episode). */
  episodes: Story[];
}

export interface Appearance {
  story: Story;
  role?: string;
}

export interface SpeakerPage extends Link {
  appearances: Appearance[];
}

export interface YearGroup {
  year: number;
  /** "/archive/2026/" */
  url: string;
  stories: Story[];
}

export interface SiteModel {
  settings: SiteSettings;
  /** Published stories, newest first. */
  stories: Story[];
  drafts: number;
  tags: Group[];
  shows: ShowGroup[];
  /** The shows with at least one episode: each has a podcast feed (none when the settings say "podcastFeeds": false). */
  podcasts: ShowGroup[];
  speakers: SpeakerPage[];
  archive: YearGroup[];
  /** The listing pages of each topic, show, speaker and year, at most LIST_PAGE_SIZE stories each. */
  tagPages: ListingPage<Group, Story>[];
  showPages: ListingPage<ShowGroup, Story>[];
  speakerPages: ListingPage<SpeakerPage, Appearance>[];
  yearPages: ListingPage<YearGroup, Story>[];
}

function groupBy(stories: Story[], linksOf: (story: Story) => Link[]): Group[] {
  const groups = new Map<string, Group>();
  for (const story of stories) {
    for (const link of linksOf(story)) {
      const group = groups.get(link.slug) ?? { ...link, stories: [] };
      group.stories.push(story);
      groups.set(link.slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function speakerGroups(stories: Story[]): SpeakerPage[] {
  const pages = new Map<string, SpeakerPage>();
  for (const story of stories) {
    for (const speaker of story.speakers) {
      if (!speaker.siteId || !speaker.url) continue;
      const page = pages.get(speaker.siteId) ?? { name: speaker.name, slug: speaker.siteId, url: speaker.url, appearances: [] };
      page.appearances.push({ story, ...(speaker.role ? { role: speaker.role } : {}) });
      pages.set(speaker.siteId, page);
    }
  }
  const surname = (name: string) => name.split(" ").at(-1) ?? name;
  return [...pages.values()].sort((a, b) => surname(a.name).localeCompare(surname(b.name)) || a.name.localeCompare(b.name));
}

/** Shows with what their show.yml adds: a description and art. */
function withConfig(groups: Group[], configs: ShowConfig[]): ShowGroup[] {
  const bySlug = new Map(configs.map((c) => [c.slug, c]));
  return groups.map((group) => {
    const config = bySlug.get(group.slug);
    return {
      ...group,
      ...(config?.description ? { description: config.description } : {}),
      ...(config?.art ? { art: config.art, ...(config.artLine ? { artLine: config.artLine } : {}) } : {}),
      ...(config?.guid ? { guid: config.guid, ...(config.guidLine ? { guidLine: config.guidLine } : {}) } : {}),
      episodes: group.stories.filter((story) => story.audio !== undefined),
    };
  });
}

export function buildSite(settings: SiteSettings, all: Story[], showConfigs: ShowConfig[] = []): SiteModel {
  const stories = all
    .filter((story) => !story.draft)
    .sort((a, b) => b.datetime.localeCompare(a.datetime) || a.title.localeCompare(b.title));
  const byYear = new Map<number, Story[]>();
  for (const story of stories) {
    const list = byYear.get(story.year);
    if (list) list.push(story);
    else byYear.set(story.year, [story]);
  }
  const archive = [...byYear].map(([year, list]) => ({ year, url: `/archive/${year}/`, stories: list }));
  const tags = groupBy(stories, (s) => s.tags);
  const shows = withConfig(groupBy(stories, (s) => [s.show]), showConfigs);
  const speakers = speakerGroups(stories);
  return {
    settings,
    stories,
    drafts: all.length - stories.length,
    tags,
    shows,
    podcasts: settings.podcastFeeds === false ? [] : shows.filter((show) => show.episodes.length > 0),
    speakers,
    archive,
    tagPages: tags.flatMap((tag) => paginate(tag, tag.url, tag.stories)),
    showPages: shows.flatMap((show) => paginate(show, show.url, show.stories)),
    speakerPages: speakers.flatMap((speaker) => paginate(speaker, speaker.url, speaker.appearances)),
    yearPages: archive.flatMap((year) => paginate(year, year.url, year.stories)),
  };
}
