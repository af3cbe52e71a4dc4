// The whole site as data: published stories and the pages that group them (tags, shows,
// speakers, archive). Pure: built from parsed stories and settings.

import type { ImageRef } from "./image-ref.ts";
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
  stories: Story[];
}

export interface SiteModel {
  settings: SiteSettings;
  /** Published stories, newest first. */
  stories: Story[];
  drafts: number;
  tags: Group[];
  shows: ShowGroup[];
  speakers: SpeakerPage[];
  archive: YearGroup[];
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

function speakerPages(stories: Story[]): SpeakerPage[] {
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
    return { ...group, ...(config?.description ? { description: config.description } : {}), ...(config?.art ? { art: config.art, ...(config.artLine ? { artLine: config.artLine } : {}) } : {}) };
  });
}

export function buildSite(settings: SiteSettings, all: Story[], showConfigs: ShowConfig[] = []): SiteModel {
  const stories = all
    .filter((story) => !story.draft)
    .sort((a, b) => b.datetime.localeCompare(a.datetime) || a.title.localeCompare(b.title));
  const years = [...new Set(stories.map((s) => s.year))];
  return {
    settings,
    stories,
    drafts: all.length - stories.length,
    tags: groupBy(stories, (s) => s.tags),
    shows: withConfig(groupBy(stories, (s) => [s.show]), showConfigs),
    speakers: speakerPages(stories),
    archive: years.map((year) => ({ year, stories: stories.filter((s) => s.year === year) })),
  };
}
