// @ts-check
// The reader's player on a timed story with audio (issue 6). Progressive enhancement: without
// this script each turn's "Play from 3:12, Brian Mann" is a link to the audio with a media
// fragment (audio.mp3#t=192) and "Link to this moment" is an ordinary link to the turn.
//
// With it:
// - "Play from" links (each turn's, and each chapter's in the contents list) become buttons that
//   seek the page's <audio> and play. Focus stays on the
//   button: nothing here ever moves focus except the arrow keys the reader presses.
// - Keyboard: all the transcript's play and permalink controls are ONE Tab stop (roving
//   tabindex), laid out as a grid of turns × {play, link}: Up/Down move between turns, Left/Right
//   between a turn's two controls, Home/End to the first/last turn. A 90-turn story would otherwise
//   be 180 Tab stops between the player and the rest of the page, the failure interactive
//   transcripts are known for. Screen-reader users in browse mode still reach every control with
//   the virtual cursor; the visible hint (#v-keys) describes the keys.
// - Follow along (aria-pressed toggle, off by default): the turn being heard gets
//   aria-current="true" and a visible marker (CSS: thick border and "Now playing"). The page
//   scrolls to it only while follow mode is on; scrolling by hand or pausing the audio pauses the
//   auto-scroll ("Back to now playing" resumes it); reduced motion → instant scrolling.
// - The player is sticky (CSS) and its height becomes the page's scroll-padding, and a focused
//   element that would sit under the player is scrolled clear of it (WCAG 2.4.11).
// - "Link to this moment" still navigates to #v-turn-N, and copies the link, saying "Link copied"
//   in the player's status line. Opening the page at a turn cues the audio to that turn; ?t= or
//   #t= (seconds or 3:12) cues it to that time. Neither plays on its own.
//
// The decisions that need no page (the turn at a time, the grid's moves, the moment an address
// names) are in player-moves.js, tested in Node.

import { gridMove, momentFromAddress, turnAt } from "./player-moves.js";

/**
 * @typedef {object} Row A turn with a start time, and its two controls.
 * @property {HTMLElement} turn
 * @property {number} start seconds
 * @property {HTMLButtonElement} play the "Play from" button that replaced the link
 * @property {HTMLElement} permalink the "Link to this moment" link
 */

/**
 * The element if it is an HTML element (what the markup puts there), else null.
 * @param {Element | null | undefined} el
 */
const html = (el) => (el instanceof HTMLElement ? el : null);

const player = html(document.querySelector("[data-player]"));
const audio = player?.querySelector("audio");
const transcript = html(document.querySelector(".transcript"));

if (player && audio && transcript) enhance(player, audio, transcript);

/**
 * @param {HTMLElement} player
 * @param {HTMLAudioElement} audio
 * @param {HTMLElement} transcript
 */
function enhance(player, audio, transcript) {
  const status = player.querySelector(".player-status");
  const tools = html(player.querySelector(".player-tools"));
  const follow = html(player.querySelector(".player-follow"));
  const resume = html(player.querySelector(".player-resume"));
  const keys = document.getElementById("v-keys");
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  // Turns with a start time and their controls, in reading order.
  /** @type {{ turn: HTMLElement, start: number, link: Element, permalink: HTMLElement }[]} */
  const found = [];
  for (const turn of transcript.querySelectorAll(".v-turn[data-start]")) {
    if (!(turn instanceof HTMLElement)) continue;
    const start = Number(turn.dataset.start);
    const link = turn.querySelector(".v-moment .v-play");
    const permalink = html(turn.querySelector(".v-moment .v-permalink"));
    if (Number.isFinite(start) && link && permalink) found.push({ turn, start, link, permalink });
  }
  if (found.length === 0) return;

  // --- Play buttons -------------------------------------------------------------------------
  /**
   * Replaces a "Play from" link by a button with the same class, start and name.
   * @param {Element} link
   * @param {number} start
   */
  const toButton = (link, start) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.dataset.start = String(start);
    button.setAttribute("aria-label", link.getAttribute("aria-label") ?? "");
    button.append(...link.childNodes);
    link.replaceWith(button);
    return button;
  };
  /** @type {Row[]} */
  const rows = found.map(({ turn, start, link, permalink }) => ({ turn, start, play: toButton(link, start), permalink }));
  // Each chapter's "Play from" in the contents list (layouts/partials/chapters.njk): a button too,
  // each its own Tab stop (a story has a few chapters; the clicks are handled below, with the turns').
  for (const link of transcript.querySelectorAll(".v-contents a.v-play[data-start]")) {
    const start = Number(link.getAttribute("data-start"));
    if (Number.isFinite(start)) toButton(link, start);
  }
  const starts = rows.map((row) => row.start);

  /** @param {string} text */
  const say = (text) => {
    if (!status) return;
    // Cleared first so the same words are announced again.
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  };

  /** @param {number} seconds */
  const playFrom = (seconds) => {
    audio.currentTime = seconds;
    autoScrollPaused = false;
    const played = audio.play();
    if (played) played.catch(() => say("The audio could not start; use the player's own play button."));
  };

  // --- Roving tabindex over the grid of controls ----------------------------------------------
  /**
   * The control at a cell of the grid: column 0 plays, column 1 is the permalink.
   * @param {number} row
   * @param {number} col
   */
  const cell = (row, col) => {
    const at = rows[row];
    return at && (col === 0 ? at.play : at.permalink);
  };
  /**
   * The cell a control is in, if it is one of the grid's.
   * @param {EventTarget | null} target
   */
  const cellOf = (target) => {
    const row = rows.findIndex((at) => at.play === target || at.permalink === target);
    return row < 0 ? undefined : { row, col: rows[row]?.play === target ? 0 : 1 };
  };
  let active = { row: 0, col: 0 };
  /**
   * Makes the control at a cell the grid's one Tab stop.
   * @param {number} row
   * @param {number} col
   */
  const setActive = (row, col) => {
    const before = cell(active.row, active.col);
    if (before) before.tabIndex = -1;
    active = { row, col };
    const now = cell(row, col);
    if (now) now.tabIndex = 0;
  };
  for (const row of rows) {
    row.play.tabIndex = -1;
    row.permalink.tabIndex = -1;
  }
  const first = cell(0, 0);
  if (first) first.tabIndex = 0;

  transcript.addEventListener("focusin", (event) => {
    const at = cellOf(event.target);
    if (at) setActive(at.row, at.col);
  });
  transcript.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const at = cellOf(event.target);
    if (!at) return;
    const next = gridMove(event.key, at.row, at.col, rows.length - 1);
    if (!next) return;
    event.preventDefault();
    setActive(next[0], next[1]);
    cell(next[0], next[1])?.focus();
  });

  transcript.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const play = event.target.closest("button.v-play");
    if (play instanceof HTMLButtonElement) {
      playFrom(Number(play.dataset.start));
      return;
    }
    const permalink = event.target.closest("a.v-permalink");
    const href = permalink?.getAttribute("href");
    if (!permalink || typeof href !== "string" || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // Following the link natively would blur it (Chromium moves focus to the page); the address
    // bar gets the turn's address instead and focus stays on the link.
    event.preventDefault();
    window.history.pushState(null, "", href);
    const turn = permalink.closest(".v-turn");
    if (turn && turn.getBoundingClientRect().top < playerBottom()) turn.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "instant" : "smooth" });
    copyLink(href);
  });

  /** @param {string} href the permalink's address as written */
  const copyLink = (href) => {
    const url = new URL(href, window.location.href).href;
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(url).then(
      () => say("Link copied"),
      () => say("The link is in the address bar; it could not be copied."),
    );
  };

  // --- Sticky player: its height is the page's scroll padding ---------------------------------
  player.classList.add("is-enhanced");
  // Where the player ends while it is stuck to the top of the window (0 when it is not stuck:
  // then it is in the flow, above the transcript, and covers nothing).
  const playerBottom = () => {
    const rect = player.getBoundingClientRect();
    return getComputedStyle(player).position === "sticky" && rect.top <= 1 ? rect.bottom : 0;
  };
  const measure = () => {
    const height = getComputedStyle(player).position === "sticky" ? player.offsetHeight : 0;
    document.documentElement.style.setProperty("--player-height", `${height}px`);
  };
  new ResizeObserver(measure).observe(player);
  window.addEventListener("resize", measure);
  measure();
  // scroll-padding covers keyboard scrolling to a focused element; this covers the rest (focus
  // moved by a script or a screen reader while the element is already partly under the player).
  document.addEventListener("focusin", (event) => {
    const el = event.target;
    if (!(el instanceof Element) || player.contains(el)) return;
    const rect = el.getBoundingClientRect();
    const covered = playerBottom() - rect.top;
    if (covered > 0) window.scrollBy({ top: -(covered + 8), behavior: "instant" });
  });

  // --- Follow along --------------------------------------------------------------------------
  let following = false;
  let autoScrollPaused = false;
  let ourScrollUntil = 0;
  let current = -1;

  /** @param {Element} el */
  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.top >= playerBottom() && rect.top < window.innerHeight * 0.75;
  };

  const scrollToCurrent = () => {
    const turn = rows[current]?.turn;
    if (!turn || visible(turn)) return;
    ourScrollUntil = Date.now() + 1500;
    turn.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "instant" : "smooth" });
  };

  const showResume = () => {
    if (resume) resume.hidden = !(following && autoScrollPaused && !audio.paused);
  };

  const update = () => {
    const index = following ? turnAt(starts, audio.currentTime) : -1;
    if (index !== current) {
      rows[current]?.turn.removeAttribute("aria-current");
      current = index;
      rows[current]?.turn.setAttribute("aria-current", "true");
    }
    if (following && !autoScrollPaused && !audio.paused) scrollToCurrent();
    showResume();
  };

  follow?.addEventListener("click", () => {
    following = !following;
    follow.setAttribute("aria-pressed", String(following));
    autoScrollPaused = false;
    update();
  });
  resume?.addEventListener("click", () => {
    autoScrollPaused = false;
    // The button disappears once scrolling resumes; keep focus in the player, on the toggle.
    if (follow && document.activeElement === resume) follow.focus();
    update();
  });

  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
  audio.addEventListener("play", () => {
    autoScrollPaused = false;
    update();
  });
  audio.addEventListener("pause", () => {
    autoScrollPaused = true;
    showResume();
  });
  // A scroll we did not start is the reader's: stop following the audio with the page.
  window.addEventListener("scroll", () => {
    if (!following || Date.now() < ourScrollUntil) return;
    if (!autoScrollPaused) {
      autoScrollPaused = true;
      showResume();
    }
  }, { passive: true });
  window.addEventListener("scrollend", () => { ourScrollUntil = 0; });

  transcript.classList.add("player-follows");
  if (tools) tools.hidden = false;
  if (keys) {
    keys.hidden = false;
    for (const row of rows) for (const control of [row.play, row.permalink]) control.setAttribute("aria-describedby", "v-keys");
  }

  // --- Opening the page at a moment ----------------------------------------------------------
  const moment = momentFromAddress(window.location.search, window.location.hash);
  const target = moment.id ? document.getElementById(moment.id) : null;
  const targetRow = target ? rows.findIndex((row) => row.turn === target) : -1;
  if (moment.time !== undefined) audio.currentTime = moment.time;
  else {
    const row = rows[targetRow];
    if (row) audio.currentTime = row.start;
  }
  if (target) {
    // The browser scrolled before the player was sticky; scroll again now the padding is known.
    if (targetRow >= 0) setActive(targetRow, 0);
    requestAnimationFrame(() => target.scrollIntoView({ block: "start", behavior: "instant" }));
  }
}
