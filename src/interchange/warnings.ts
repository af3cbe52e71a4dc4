// Import warnings as the terminal shows them: a warning that repeats (the same message but for
// line numbers and quoted specifics) is one line with a count and its first lines, so two
// warnings that matter are not buried under hundreds of identical ones.
//
// Only the terminal's list is summarised. The story's "# Check before publishing:" notes are
// written from the full list (ImportedTranscript.warnings): every guess keeps its own line there,
// for the editor works through them one by one. Review warnings and plain ones never share a
// summary line, so a count never hides a guess among notices.

import type { ImportWarning } from "./model.ts";

/** A kind that comes this often or less is shown warning by warning: a few are read, not buried. */
const SHOWN_IN_FULL = 3;
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
 * The warnings with repeats summarised: each kind that comes more than three times once, where it
 * first appears, as "… (37 times: lines 4, 9, 15, 21, 30, …)" or, when the repeats differ in their
 * specifics, "… (and 36 more like it: lines …)". Rarer warnings are left as they are.
 */
export function summariseWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  const groups = new Map<string, ImportWarning[]>();
  for (const warning of warnings) {
    const kind = warningKind(warning);
    const group = groups.get(kind);
    if (group) group.push(warning);
    else groups.set(kind, [warning]);
  }
  // Warnings keep their order; a summarised kind stands where it first appears.
  return warnings.flatMap((warning) => {
    const group = groups.get(warningKind(warning)) ?? [warning];
    const [first] = group;
    if (!first || group.length <= SHOWN_IN_FULL) return [warning];
    if (warning !== first) return [];
    // Identical repeats are "N times"; repeats that differ in their specifics (another word, another
    // moment) show the first in full and say the rest are like it, never pass them off as the same.
    const identical = group.every((w) => w.message === first.message);
    const count = identical ? `${group.length} times` : `and ${group.length - 1} more like it`;
    return [{ ...first, message: `${first.message} (${count}${linesText(group)})` }];
  });
}

/** ": lines 4, 9, 15, …" for the group's first lines; empty when no warning has a line. */
function linesText(group: ImportWarning[]): string {
  const lines = [...new Set(group.flatMap((w) => (w.line === undefined ? [] : [w.line])))];
  if (lines.length === 0) return "";
  const shown = lines.slice(0, LINES_SHOWN).join(", ");
  return `: line${lines.length > 1 ? "s" : ""} ${shown}${lines.length > LINES_SHOWN ? ", …" : ""}`;
}
