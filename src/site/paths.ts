// Where things are, relative to the project root. One place to change the layout of a project.

export interface ProjectPaths {
  /** Project root (absolute). */
  root: string;
  /** Eleventy's input folder, relative to root. */
  content: string;
  /** Story files, relative to root. */
  stories: string;
  /** Show settings and art (shows/<slug>/show.yml), relative to root. */
  shows: string;
  /** Site settings file, relative to root. */
  settings: string;
  /** Layouts and page templates, relative to root. */
  layouts: string;
  /** Output folder, relative to root. */
  output: string;
}

export function projectPaths(root: string, overrides: Partial<ProjectPaths> = {}): ProjectPaths {
  return {
    root,
    content: "content",
    stories: "content/stories",
    shows: "content/shows",
    settings: "content/_data/site.json",
    layouts: "layouts",
    output: "_site",
    ...overrides,
  };
}
