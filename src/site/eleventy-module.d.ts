// Types for the parts of @11ty/eleventy this project calls (the package ships none).
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "./eleventy.ts";

  export const HtmlBasePlugin: (config: EleventyConfig, options?: Record<string, unknown>) => void;

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (config: EleventyConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    setIsVerbose(verbose: boolean): void;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}
