// The pages Verbatim makes itself rather than as Eleventy pages (the story pages and the listing
// pages: all but a dozen of an archive's pages), rendered with Eleventy's own Nunjucks environment
// (the same layouts, filters and settings, so the same bytes) and run through Eleventy's HTML
// transforms (the path prefix), as Eleventy's own write step would. Nothing is kept: an archive's
// pages pass through memory one at a time, where Eleventy would hold every rendered page.

import path from "node:path";

/** A compiled Nunjucks template. */
export interface Layout {
  render(context: object): string;
}

/** The part of Nunjucks' Environment this module uses. */
export interface NunjucksEnvironment {
  getTemplate(name: string, eagerCompile: true): Layout;
}

/** Eleventy's HTML transforms (the path prefix), as its transform step runs them on every page. */
export interface HtmlTransformer {
  transformContent(outputPath: string, content: string, context: { url: string; outputPath: string; inputPath: string }): Promise<string>;
}

/** What the pages need from Eleventy, handed over by the plugin once Eleventy has made it. */
export interface PageEngine {
  nunjucks?: NunjucksEnvironment;
  html?: HtmlTransformer;
}

/** One page to make: its layout (in the layouts folder), address, data, and what it is made from. */
export interface PageToMake {
  layout: string;
  /** Site path, as an Eleventy permalink gives it: "/tags/music/2/". */
  url: string;
  data: object;
  /** What the page is made from, for a failure's message and Eleventy's `page.inputPath`: "content/stories/x.md". */
  source: string;
}

/** The file of a page at `url` ("/tags/music/" → <output>/tags/music/index.html). */
export function pageFile(outputDir: string, url: string): string {
  return path.join(outputDir, ...url.split("/").filter(Boolean), "index.html");
}

export class PageMaker {
  private readonly layouts = new Map<string, Layout>();
  private readonly nunjucks: NunjucksEnvironment;
  private readonly html: HtmlTransformer;

  constructor(
    engine: PageEngine,
    private readonly outputDir: string,
  ) {
    if (!engine.nunjucks || !engine.html) throw new Error("Eleventy's Nunjucks environment was not handed to Verbatim before its pages.");
    this.nunjucks = engine.nunjucks;
    this.html = engine.html;
  }

  private layout(name: string): Layout {
    let layout = this.layouts.get(name);
    if (!layout) {
      layout = this.nunjucks.getTemplate(name, true);
      this.layouts.set(name, layout);
    }
    return layout;
  }

  /** The page's file and its HTML, as Eleventy would have written it; a failure names what the page is made from. */
  async make(page: PageToMake): Promise<{ file: string; html: string }> {
    const file = pageFile(this.outputDir, page.url);
    const about = { url: page.url, outputPath: file, inputPath: page.source };
    let rendered: string;
    try {
      rendered = this.layout(page.layout).render({ ...page.data, page: about });
    } catch (error) {
      throw new Error(`The page of ${page.source} could not be rendered with ${page.layout}: ${(error as Error).message}`, { cause: error });
    }
    return { file, html: await this.html.transformContent(file, rendered, about) };
  }
}
