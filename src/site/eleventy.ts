// The few parts of Eleventy's configuration API this project uses (Eleventy ships no types).

import type { HtmlTransformer } from "./page-maker.ts";

export interface EleventyConfig {
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(source: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  setLibrary(engine: string, library: unknown): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  ignores: Set<string>;
  /** Eleventy's HTML transforms (the path prefix plugin adds one), run on every page it writes. */
  htmlTransformer: HtmlTransformer;
  /** Internal to Eleventy 3; used only to quiet its timing warnings. */
  benchmarkManager?: { get(name: string): { setIsVerbose(verbose: boolean): void } | undefined };
}
