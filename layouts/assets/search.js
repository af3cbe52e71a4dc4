// The search page on pagefind's JS API: results as a list of links with excerpts, native <select>
// filters, the number of results announced in a role="status" region. Searches as the reader types
// (after a pause) and on Enter; focus never moves. The query is kept in the address (?q=&show=).

const form = document.querySelector(".site-search");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const FILTERS = ["show", "tag", "speaker"];

/** An excerpt from the index as text and <mark>s only: nothing else of its markup is kept. */
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
      out.append(node.textContent);
    }
  }
  return out;
}

function chosenFilters() {
  const filters = {};
  for (const key of FILTERS) {
    const value = form.elements.namedItem(key)?.value;
    if (value) filters[key] = value;
  }
  return filters;
}

function describe(count, term, filters) {
  const what = count === 0 ? "No stories" : count === 1 ? "1 story" : `${count} stories`;
  const parts = [];
  if (term) parts.push(`for “${term}”`);
  const labels = { show: "show", tag: "topic", speaker: "speaker" };
  const chosen = Object.entries(filters).map(([key, value]) => `${labels[key]} ${value}`);
  if (chosen.length) parts.push(`with ${chosen.join(" and ")}`);
  return `${what} found ${parts.join(", ")}`.trim() + ".";
}

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

async function start() {
  if (!form || !status || !list) return;
  // search.js sits at <site>/assets/, the index at <site>/pagefind/: right under any path prefix.
  const base = new URL("../", import.meta.url);
  // JavaScript runs: the notice for readers without it goes now, not once the index has loaded.
  document.querySelector(".search-needs-js")?.setAttribute("hidden", "");
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    await pagefind.options({ baseUrl: base.pathname });
    // A large archive is indexed in parts (pagefind/parts.json lists them): search them as one.
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
    const term = form.elements.namedItem("q").value.trim();
    const filters = chosenFilters();
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
    status.textContent = describe(search.results.length, term, filters);
  };

  let timer;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  form.addEventListener("input", (event) => {
    clearTimeout(timer);
    timer = setTimeout(run, event.target.matches("select") ? 0 : 400);
  });

  // A link to /search/?q=ferry&show=Night+Desk (or the form sent without JavaScript) searches at once.
  const query = new URLSearchParams(location.search);
  if (query.get("q")) form.elements.namedItem("q").value = query.get("q");
  for (const key of FILTERS) {
    const select = form.elements.namedItem(key);
    const value = query.get(key);
    if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (query.size) run();
}

start();
