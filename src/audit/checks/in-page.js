// Runs inside the audited page (plain JavaScript: it is sent to the browser as text).
// Returns DOM findings; checks that need the accessibility tree are finished in Node (checks/index.ts).
(() => {
  const MAX_CONTEXT = 200;
  const cssPath = (el) => {
    const parts = [];
    for (let node = el; node && node.nodeType === 1 && parts.length < 6; node = node.parentElement) {
      if (node.id) { parts.unshift(`#${CSS.escape(node.id)}`); break; }
      const parent = node.parentElement;
      const same = parent ? Array.from(parent.children).filter((c) => c.tagName === node.tagName) : [];
      const tag = node.tagName.toLowerCase();
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    }
    return parts.join(" > ");
  };
  const context = (el) => el.outerHTML.length > MAX_CONTEXT ? `${el.outerHTML.slice(0, MAX_CONTEXT)}…` : el.outerHTML;
  const text = (el) => (el.textContent || "").replace(/\s+/g, " ").trim();
  const issues = [];
  const issue = (code, message, el, type = "error") =>
    issues.push({ code, type, message, selector: el ? cssPath(el) : "html", context: el ? context(el) : "", runner: "verbatim" });

  // Turns: the first paragraph of each turn, and the label it should start with.
  const turns = Array.from(document.querySelectorAll(".v-turn")).flatMap((turn) => {
    const first = turn.querySelector(":scope > p");
    if (!first) {
      issue("verbatim-turn-speaker-first", "This turn has no paragraph of speech.", turn);
      return [];
    }
    const label = first.querySelector(".v-speaker");
    const firstContent = Array.from(first.childNodes).find((n) => n.nodeType === 1 || (n.textContent || "").trim() !== "");
    if (!label) issue("verbatim-turn-speaker-first", "This turn has no speaker label in its first paragraph; a listener cannot tell who speaks.", first);
    return [{ selector: cssPath(first), label: label ? text(label) : "", labelFirst: Boolean(label) && firstContent === label, context: context(first) }];
  });

  // A speaker's name alone in its own paragraph reads as a fake heading.
  for (const p of document.querySelectorAll("p")) {
    const t = text(p);
    const strong = Array.from(p.children).every((c) => /^(B|STRONG|SPAN)$/.test(c.tagName)) && p.children.length > 0;
    if (strong && /^[^.!?]{2,80}:$/u.test(t) && Array.from(p.childNodes).every((n) => n.nodeType === 1 || !(n.textContent || "").trim())) {
      issue("verbatim-label-fake-heading", `The speaker label "${t}" stands in a paragraph of its own; put the name at the start of the paragraph with the speech.`, p);
    }
  }

  // Cues are typed non-speech, never inside a speaker label, never untyped paragraphs.
  for (const cue of document.querySelectorAll(".v-cue")) {
    if (!cue.getAttribute("data-cue")) issue("verbatim-cue-typed", "This cue has no type (data-cue).", cue);
    if (cue.closest(".v-speaker")) issue("verbatim-cue-typed", "A cue is inside a speaker label.", cue);
  }
  for (const p of document.querySelectorAll(".transcript p:not(.v-cue), .v-turn p")) {
    const t = text(p);
    if (/^[(\[]\s*(soundbite of|laughter|applause|crosstalk|music)\b[^)\]]*[)\]]$/iu.test(t) && !p.querySelector(".v-cue")) {
      issue("verbatim-cue-typed", `The cue "${t}" is not marked as non-speech.`, p);
    }
  }

  // Speech paragraphs as read, for the label-inside-paragraph check in Node (checks/label-like.ts):
  // the words without the turn's own name and manner, with whose words they are published as.
  const speakerName = (label) => text(label).replace(/:$/u, "").replace(/,.*$/u, "").trim();
  const speakers = Array.from(document.querySelectorAll(".v-turn .v-speaker")).map(speakerName);
  const speech = Array.from(document.querySelectorAll(".v-turn > p, .v-intro > p, .v-tape > p:not(.v-cue)"));
  const paragraphs = speech.filter((p) => (p.textContent || "").includes(":")).map((p) => {
    const words = p.cloneNode(true);
    for (const aside of words.querySelectorAll(".v-speaker, .v-manner, .v-vh")) aside.remove();
    const turn = p.closest(".v-turn");
    const label = turn && turn.querySelector(":scope > p .v-speaker");
    return { selector: cssPath(p), context: context(p), text: words.textContent || "", speaker: label ? speakerName(label) : "" };
  });

  // Tape groups are found here and checked against the accessibility tree in Node.
  const tapes = Array.from(document.querySelectorAll(".v-tape")).map((tape) => ({ selector: cssPath(tape), context: context(tape) }));

  // Pages with audio or video have a transcript under a "Transcript" heading.
  const headings = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"));
  const transcriptHeading = headings.find((h) => /^transcript\b/i.test(text(h)));
  const media = document.querySelector("audio, video");
  if (media && (!transcriptHeading || !document.querySelector(".v-turn, .transcript p"))) {
    issue("verbatim-audio-transcript", "This page plays audio or video but has no transcript under a \"Transcript\" heading.", media);
  }
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) issue("verbatim-headings", `A page needs exactly one h1; this one has ${h1s.length}.`, h1s[1] || document.body);
  if (turns.length && !transcriptHeading) issue("verbatim-headings", "The transcript has no heading of its own (\"Transcript\").", document.querySelector(".v-turn"));

  // Foreign-language turns carry lang on their speech.
  for (const turn of document.querySelectorAll(".v-turn[data-lang]")) {
    const lang = turn.getAttribute("data-lang");
    for (const p of turn.querySelectorAll(":scope > p")) {
      const speech = Array.from(p.childNodes).filter((n) => !(n.nodeType === 1 && n.matches(".v-speaker, .v-manner")) && (n.textContent || "").trim());
      const tagged = speech.every((n) => (n.nodeType === 1 ? n : n.parentElement).closest(`[lang="${lang}"]`));
      if (!tagged) issue("verbatim-turn-lang", `This turn is in "${lang}" but its speech is not marked with lang="${lang}".`, p);
    }
  }
  for (const manner of document.querySelectorAll('.v-manner[data-manner="speaking"]:not([data-lang])')) {
    issue("verbatim-turn-lang", `"${text(manner)}": the language is not known, so the speech cannot carry lang. Declare the speaker's lang in the front matter.`, manner, "warning");
  }
  // A timestamp control says what it does ("Play from 3:12, Brian Mann"), not only the time.
  const nameOf = (el) => {
    const labelledBy = (el.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
    return labelledBy.length ? labelledBy.map(text).join(" ") : el.getAttribute("aria-label") || text(el);
  };
  for (const control of document.querySelectorAll("a[href], button, [role=button], [role=link]")) {
    const name = nameOf(control).trim();
    if (/^(\d{1,2}:)?\d{1,2}:\d{2}(\.\d+)?$/u.test(name)) {
      issue("verbatim-timestamp-name", `A control is named only "${name}"; say what it does ("Play from ${name}, Brian Mann").`, control);
    }
  }
  return { issues, turns, tapes, paragraphs, speakers };
})()
