// The reader's player on a timed story with audio (issue 6). Progressive enhancement: without
// this script each turn's "Play from 3:12, Brian Mann" is a link to the audio with a media
// fragment (audio.mp3#t=192) and "Link to this moment" is an ordinary link to the turn.
//
// With it:
// - "Play from" links become buttons that seek the page's <audio> and play. Focus stays on the
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

const player = document.querySelector("[data-player]");
const audio = player?.querySelector("audio");
const transcript = document.querySelector(".transcript");

if (player && audio && transcript) enhance(player, audio, transcript);

function enhance(player, audio, transcript) {
  const status = player.querySelector(".player-status");
  const tools = player.querySelector(".player-tools");
  const follow = player.querySelector(".player-follow");
  const resume = player.querySelector(".player-resume");
  const keys = document.getElementById("v-keys");
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  // Turns with a start time and their controls, in reading order.
  const rows = Array.from(transcript.querySelectorAll(".v-turn[data-start]"))
    .map((turn) => ({ turn, start: Number(turn.dataset.start), link: turn.querySelector(".v-moment .v-play"), permalink: turn.querySelector(".v-moment .v-permalink") }))
    .filter((row) => Number.isFinite(row.start) && row.link && row.permalink);
  if (rows.length === 0) return;

  // --- Play buttons -------------------------------------------------------------------------
  for (const row of rows) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = row.link.className;
    button.dataset.start = String(row.start);
    button.setAttribute("aria-label", row.link.getAttribute("aria-label") ?? "");
    button.append(...row.link.childNodes);
    row.link.replaceWith(button);
    row.play = button;
  }

  const say = (text) => {
    if (!status) return;
    // Cleared first so the same words are announced again.
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  };

  const playFrom = (seconds) => {
    audio.currentTime = seconds;
    autoScrollPaused = false;
    const played = audio.play();
    if (played) played.catch(() => say("The audio could not start; use the player's own play button."));
  };

  // --- Roving tabindex over the grid of controls ----------------------------------------------
  const controls = rows.map((row) => [row.play, row.permalink]);
  let active = { row: 0, col: 0 };
  const setActive = (row, col) => {
    controls[active.row][active.col].tabIndex = -1;
    active = { row, col };
    controls[row][col].tabIndex = 0;
  };
  for (const pair of controls) for (const control of pair) control.tabIndex = -1;
  controls[0][0].tabIndex = 0;

  transcript.addEventListener("focusin", (event) => {
    const row = controls.findIndex((pair) => pair.includes(event.target));
    if (row >= 0) setActive(row, controls[row].indexOf(event.target));
  });
  transcript.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = controls.findIndex((pair) => pair.includes(event.target));
    if (row < 0) return;
    const col = controls[row].indexOf(event.target);
    const last = controls.length - 1;
    const next = {
      ArrowDown: [Math.min(row + 1, last), col],
      ArrowUp: [Math.max(row - 1, 0), col],
      ArrowRight: [row, 1],
      ArrowLeft: [row, 0],
      Home: [0, col],
      End: [last, col],
    }[event.key];
    if (!next) return;
    event.preventDefault();
    setActive(next[0], next[1]);
    controls[next[0]][next[1]].focus();
  });

  transcript.addEventListener("click", (event) => {
    const play = event.target.closest?.("button.v-play");
    if (play) {
      playFrom(Number(play.dataset.start));
      return;
    }
    const permalink = event.target.closest?.("a.v-permalink");
    if (!permalink || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // Following the link natively would blur it (Chromium moves focus to the page); the address
    // bar gets the turn's address instead and focus stays on the link.
    event.preventDefault();
    window.history.pushState(null, "", permalink.getAttribute("href"));
    const turn = permalink.closest(".v-turn");
    if (turn && turn.getBoundingClientRect().top < playerBottom()) turn.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "instant" : "smooth" });
    copyLink(permalink);
  });

  const copyLink = (permalink) => {
    const url = new URL(permalink.getAttribute("href"), window.location.href).href;
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

  const indexAt = (time) => {
    let lo = 0;
    let hi = rows.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].start <= time + 0.05) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.top >= playerBottom() && rect.top < window.innerHeight * 0.75;
  };

  const scrollToCurrent = () => {
    if (current < 0) return;
    const turn = rows[current].turn;
    if (visible(turn)) return;
    ourScrollUntil = Date.now() + 1500;
    turn.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "instant" : "smooth" });
  };

  const showResume = () => {
    if (resume) resume.hidden = !(following && autoScrollPaused && !audio.paused);
  };

  const update = () => {
    const index = following ? indexAt(audio.currentTime) : -1;
    if (index !== current) {
      if (current >= 0) rows[current].turn.removeAttribute("aria-current");
      current = index;
      if (current >= 0) rows[current].turn.setAttribute("aria-current", "true");
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
    for (const pair of controls) for (const control of pair) control.setAttribute("aria-describedby", "v-keys");
  }

  // --- Opening the page at a moment ----------------------------------------------------------
  const params = new URLSearchParams(window.location.search);
  const hash = decodeURIComponent(window.location.hash.slice(1));
  const hashTime = /^t=([\d:.]+)$/u.exec(hash)?.[1];
  const time = parseTime(params.get("t") ?? hashTime ?? "");
  const target = hash && !hashTime ? document.getElementById(hash) : null;
  const targetRow = target ? rows.findIndex((row) => row.turn === target) : -1;
  if (time !== undefined) audio.currentTime = time;
  else if (targetRow >= 0) audio.currentTime = rows[targetRow].start;
  if (target) {
    // The browser scrolled before the player was sticky; scroll again now the padding is known.
    if (targetRow >= 0) setActive(targetRow, 0);
    requestAnimationFrame(() => target.scrollIntoView({ block: "start", behavior: "instant" }));
  }
}

/** "192", "192.5", "3:12", "1:02:03" → seconds; anything else → undefined. */
function parseTime(text) {
  if (!/^\d+(\.\d+)?$|^(\d+:)?\d{1,2}:\d{2}(\.\d+)?$/u.test(text)) return undefined;
  return text.split(":").reduce((sum, part) => sum * 60 + Number(part), 0);
}
