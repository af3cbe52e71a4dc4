// Types for the parts of @11ty/eleventy this project calls (the package ships none).
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "./eleventy.ts";

  export const HtmlBasePlugin: (config: EleventyConfig, options?: Record<string, unknown>) => void;

  export interface EleventyOptions {
    /** false: read no configuration file. */
    configPath?: string | false;
    quietMode?: boolean;
    config?: (config: EleventyConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Reads the configuration now; `overrides` stand where a configuration file's returned object would. */
    initializeConfig(overrides?: Record<string, unknown>): Promise<void>;
    write(): Promise<unknown>;
    /** Eleventy's console; `overrideLogger` sends its lines elsewhere (by kind: log, info, warn, error). */
    readonly logger: { overrideLogger(target: Record<"log" | "info" | "warn" | "error", (message: string) => void>): void };
    setIsVerbose(verbose: boolean): void;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}
