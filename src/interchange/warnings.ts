// Import warnings as the terminal shows them: a warning that repeats (the same message but for
// line numbers and quoted specifics) is one line with a count and its first lines, so two
// warnings that matter are not buried under hundreds of identical ones.
//
// Only the terminal's list is summarised. The story's "# Check before publishing:" notes are
// written from the full list (ImportedTranscript.warnings): every guess keeps its own line there,
// for the editor works through them one by one. Review warnings and plain ones never share a
// summary line, so a count never hides a guess among notices.

import type { ImportWarning } from "./model.ts";

/** How many line numbers a summary line names before "…". */
const LINES_SHOWN = 5;

/** The message without what differs between repeats: quoted words, numbers. */
export function warningKind(warning: ImportWarning): string {
  const message = warning.message
    .replace(/"[^"]*"|“[^”]*”|‘[^’]*’|«[^»]*»/gu, "“…”")
    .replace(/\d+(?:[.,:]\d+)*/gu, "#")
    .replace(/\s+/gu, " ")
    .trim();
  return `${warning.review ? "review" : "note"}|${message}`;
}

/**
 * The warnings with repeats summarised: each kind once, where it first appears, as
 * "… (37 times: lines 4, 9, 15, 21, 30, …)". A warning that comes once is left as it is.
 */
export function summariseWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  const groups = new Map<string, ImportWarning[]>();
  for (const warning of warnings) {
    const kind = warningKind(warning);
    const group = groups.get(kind);
    if (group) group.push(warning);
    else groups.set(kind, [warning]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group;
    if (!first) throw new Error("empty warning group");
    return group.length === 1 ? first : { ...first, message: `${first.message} (${group.length} times${linesText(group)})` };
  });
}

/** ": lines 4, 9, 15, …" for the group's first lines; empty when no warning has a line. */
function linesText(group: ImportWarning[]): string {
  const lines = [...new Set(group.flatMap((w) => (w.line === undefined ? [] : [w.line])))];
  if (lines.length === 0) return "";
  const shown = lines.slice(0, LINES_SHOWN).join(", ");
  return `: line${lines.length > 1 ? "s" : ""} ${shown}${lines.length > LINES_SHOWN ? ", …" : ""}`;
}
