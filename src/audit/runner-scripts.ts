// pa11y's scripts (its runner, axe-core, HTML_CodeSniffer: 930 KB) sent once per tab, not once per
// page. pa11y injects them into every page it audits with page.evaluate: each time 930 KB crosses
// the DevTools pipe, is parsed by the browser process and handed to the renderer. Measured on the
// sample site's tag page, one tab: a page load cost the browser 129 ms of CPU, and 259 ms with a
// 930 KB script sent after it, so the sending alone was about 130 ms of CPU a page, more than a
// tag page's whole axe run. Here pa11y is given a view of the tab whose evaluate() registers each
// script it injects to run at the start of every later document of that tab (Chromium keeps it),
// and skips it on those later documents, where it has already run.
//
// The scripts run at the start of the document instead of after its load: they only define
// window.__pa11y, window.axe and window.HTMLCS, which nothing in a Verbatim page reads, and the
// checks run after the load as before. They run in the top frame only, as pa11y injects them:
// each is wrapped in `if (window === window.top) { … }`, which leaves pa11y's scripts as they are
// (each is expression statements: UMD bundles and assignments, no top-level declaration or
// directive a block would change). Each leaves a mark (a symbol on the global object) so that a
// document that did not run it (one that started before it was registered) still gets it.

import type { Page } from "puppeteer-core";

const views = new WeakMap<Page, Page>();

/** The tab as pa11y should see it; the same view for the same tab. */
export function pa11yView(tab: Page): Page {
  let view = views.get(tab);
  if (!view) {
    view = makeView(tab);
    views.set(tab, view);
  }
  return view;
}

function makeView(tab: Page): Page {
  /** Each script registered to run at the start of new documents, and the mark it leaves there. */
  const installed = new Map<string, string>();

  const evaluate = async (script: unknown, ...args: unknown[]): Promise<unknown> => {
    if (typeof script !== "string" || args.length) return (tab.evaluate as (...a: unknown[]) => Promise<unknown>)(script, ...args);
    let mark = installed.get(script);
    // Registered before this document started: it ran at its start (and left its mark).
    if (mark && (await tab.evaluate((key: string) => (globalThis as Record<symbol, unknown>)[Symbol.for(key)] === true, mark))) return undefined;
    if (!mark) {
      mark = `verbatim.pa11y-script.${installed.size}`;
      installed.set(script, mark);
      await tab.evaluateOnNewDocument(`if (window === window.top) {\n${script}\n;globalThis[Symbol.for(${JSON.stringify(mark)})] = true;\n}`);
    }
    return tab.evaluate(script);
  };

  return new Proxy(tab, {
    get(target, property) {
      if (property === "evaluate") return evaluate;
      const value: unknown = Reflect.get(target, property, target);
      // Puppeteer's methods use private fields: call them on the tab itself, never on the view.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
