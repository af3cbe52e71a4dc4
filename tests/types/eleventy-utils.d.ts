// Types for the one function of @11ty/eleventy-utils (Eleventy's own dependency) a test calls.
declare module "@11ty/eleventy-utils" {
  /** Eleventy's merge of template data: deep-copies plain objects, except frozen ones. */
  export function Merge(target: object, ...sources: object[]): object;
}
