// @ts-check
// Search inside the transcript on a story page: every match in a <mark>, the current one outlined
// as well as coloured, "3 of 12 matches" in a status region, Previous/Next (Enter in the field
// moves on too), Escape clears. Focus stays where the reader put it; only the match scrolls into view.
// Finding the matches in a piece of text, and the status wording, are in text-matches.js.

import { findMatches, matchStatus, noMatchStatus, searchNeedle } from "./text-matches.js";

const form = document.querySelector(".transcript-search");
const transcript = form?.closest(".transcript");
const input = form?.querySelector("input");
const status = form?.querySelector("[role=status]");

/** Text the search skips: its own tools, the download links, timestamp controls, hidden cues. */
const SKIP = ".reader-tools, .transcript-downloads, .v-play, .v-time, .v-moment, .v-keys, button, script, style, #transcript-heading";

/**
 * The text nodes the search looks in, in reading order.
 * @param {Node} root
 */
function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || !node.nodeValue?.trim() || parent.closest(SKIP)) return NodeFilter.FILTER_REJECT;
      if (parent.checkVisibility && !parent.checkVisibility()) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  /** @type {Text[]} */
  const nodes = [];
  while (walker.nextNode()) if (walker.currentNode instanceof Text) nodes.push(walker.currentNode);
  return nodes;
}

if (form instanceof HTMLFormElement && transcript && input && status) enhance(form, transcript, input, status);

/**
 * @param {HTMLFormElement} form
 * @param {Element} transcript
 * @param {HTMLInputElement} input
 * @param {Element} status
 */
function enhance(form, transcript, input, status) {
  /** @type {HTMLElement[]} */
  let marks = [];
  let current = -1;
  let searched = "";

  const clear = () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      mark.replaceWith(document.createTextNode(mark.textContent ?? ""));
      parent.normalize();
    }
    marks = [];
    current = -1;
    searched = "";
  };

  /** @param {number} index the match to show; wraps around at either end */
  const show = (index) => {
    if (!marks.length) return;
    marks[current]?.classList.remove("transcript-match-current");
    current = (index + marks.length) % marks.length;
    const mark = marks[current];
    if (!mark) return;
    mark.classList.add("transcript-match-current");
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    status.textContent = matchStatus(current, marks.length);
  };

  /** @param {string} term what the reader typed */
  const search = (term) => {
    clear();
    const needle = searchNeedle(term);
    if (!needle) {
      status.textContent = "";
      return;
    }
    searched = term.trim();
    for (const node of textNodes(transcript)) {
      const text = node.data;
      const found = findMatches(text, needle);
      if (!found.length) continue;
      const fragment = document.createDocumentFragment();
      let from = 0;
      for (const [start, end] of found) {
        fragment.append(text.slice(from, start));
        const mark = document.createElement("mark");
        mark.className = "transcript-match";
        mark.textContent = text.slice(start, end);
        fragment.append(mark);
        marks.push(mark);
        from = end;
      }
      fragment.append(text.slice(from));
      node.replaceWith(fragment);
    }
    if (marks.length) show(0);
    else status.textContent = noMatchStatus(searched);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim() && input.value.trim() === searched && marks.length) show(current + 1);
    else search(input.value);
  });
  for (const button of form.querySelectorAll("button[data-step]")) {
    button.addEventListener("click", () => {
      if (input.value.trim() !== searched) search(input.value);
      else if (marks.length) show(current + Number(button.getAttribute("data-step")));
    });
  }
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || (!input.value && !marks.length)) return;
    event.preventDefault();
    input.value = "";
    clear();
    status.textContent = "Search cleared";
  });
  // The browser's own clear button on a search field.
  input.addEventListener("search", () => {
    if (!input.value) {
      clear();
      status.textContent = "";
    }
  });
  form.hidden = false;
}
