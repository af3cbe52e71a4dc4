// @ts-check
// The search page on pagefind's JS API: results as a list of links with excerpts, native <select>
// filters, the number of results announced in a role="status" region. Searches as the reader types
// (after a pause) and on Enter; focus never moves. The query is kept in the address (?q=&show=).
// The status sentence is written by search-status.js.

import { FILTERS, describeResults } from "./search-status.js";

/**
 * The part of pagefind's browser API (pagefind/pagefind.js, written by the build) used here.
 * @typedef {object} Pagefind
 * @property {(options: { baseUrl: string }) => Promise<unknown>} options
 * @property {(indexPath: string, options: { baseUrl: string }) => Promise<unknown>} mergeIndex
 * @property {() => Promise<unknown>} init
 * @property {(term: string | null, options: { filters: Record<string, string> }) => Promise<{ results: PagefindResult[] }>} search
 */
/**
 * @typedef {object} PagefindResult
 * @property {() => Promise<PagefindData>} data
 */
/**
 * A result's data: its address, an excerpt as HTML with <mark>s, its metadata and filters.
 * @typedef {object} PagefindData
 * @property {string} url
 * @property {string} [excerpt]
 * @property {Record<string, string>} [meta]
 * @property {Record<string, string[]>} [filters]
 */

const form = document.querySelector(".site-search");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const termField = form instanceof HTMLFormElement ? form.elements.namedItem("q") : null;

/**
 * An excerpt from the index as text and <mark>s only: nothing else of its markup is kept.
 * @param {string} html
 */
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent ?? "");
    }
  }
  return out;
}

/**
 * The form's <select> for a filter, if it has one.
 * @param {HTMLFormElement} form
 * @param {string} key
 */
function filterSelect(form, key) {
  const select = form.elements.namedItem(key);
  return select instanceof HTMLSelectElement ? select : null;
}

/**
 * The filters chosen in the form, by name; those left at "any" are not there.
 * @param {HTMLFormElement} form
 */
function chosenFilters(form) {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const key of FILTERS) {
    const value = filterSelect(form, key)?.value;
    if (value) filters[key] = value;
  }
  return filters;
}

/** @param {PagefindData} data */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  heading.append(link);
  item.append(heading);
  const show = data.filters?.show?.[0];
  if (show) {
    const meta = document.createElement("p");
    meta.className = "search-result-show";
    meta.textContent = show;
    item.append(meta);
  }
  if (data.excerpt) {
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    excerpt.append(excerptNodes(data.excerpt));
    item.append(excerpt);
  }
  return item;
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLInputElement} termField the search words
 * @param {Element} status
 * @param {HTMLElement} list
 */
async function start(form, termField, status, list) {
  // search.js sits at <site>/assets/, the index at <site>/pagefind/: right under any path prefix.
  const base = new URL("../", import.meta.url);
  // JavaScript runs: the notice for readers without it goes now, not once the index has loaded.
  document.querySelector(".search-needs-js")?.setAttribute("hidden", "");
  /** @type {Pagefind} */
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    await pagefind.options({ baseUrl: base.pathname });
    // A large archive is indexed in parts (pagefind/parts.json lists them): search them as one.
    /** @type {{ parts?: string[] }} */
    const listed = await fetch(new URL("pagefind/parts.json", base)).then((r) => (r.ok ? r.json() : {}));
    for (const part of listed.parts ?? []) {
      await pagefind.mergeIndex(new URL(`pagefind/${part}`, base).pathname, { baseUrl: base.pathname });
    }
    await pagefind.init();
  } catch {
    // Its links to shows, topics, speakers and the archive are the way in now.
    document.querySelector(".search-needs-js")?.removeAttribute("hidden");
    status.textContent = "Search could not load. Browse by show, topic or speaker instead.";
    return;
  }

  let latest = 0;
  const run = async () => {
    const term = termField.value.trim();
    const filters = chosenFilters(form);
    const params = new URLSearchParams();
    if (term) params.set("q", term);
    for (const [key, value] of Object.entries(filters)) params.set(key, value);
    history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
    const ticket = ++latest;
    if (!term && !Object.keys(filters).length) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(term || null, { filters });
    const data = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    if (ticket !== latest) return; // a newer search has started
    list.replaceChildren(...data.map(resultItem));
    list.hidden = data.length === 0;
    status.textContent = describeResults(search.results.length, term, filters);
  };

  /** @type {number | undefined} */
  let timer;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.addEventListener("input", (event) => {
    clearTimeout(timer);
    timer = setTimeout(run, event.target instanceof Element && event.target.matches("select") ? 0 : 400);
  });

  // A link to /search/?q=ferry&show=Night+Desk (or the form sent without JavaScript) searches at once.
  const query = new URLSearchParams(location.search);
  const q = query.get("q");
  if (q) termField.value = q;
  for (const key of FILTERS) {
    const select = filterSelect(form, key);
    const value = query.get(key);
    if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (query.size) run();
}

if (form instanceof HTMLFormElement && termField instanceof HTMLInputElement && status && list instanceof HTMLElement) start(form, termField, status, list);
