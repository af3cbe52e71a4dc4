// @ts-check
// Times as the notation and readers write them: "4:16", "1:02:03", "0:07.250". The one parser of
// them: the build's notation reads timestamps with it (src/transcript/times.ts re-exports it) and
// the reader's player reads ?t= and #t= with it. Pure, no DOM: the browser loads it as a module
// from /assets/, and the unit tests import it in Node.

/**
 * "1:02:03.5" → 3723.5; "4:16" → 256. Undefined when the text is not a timestamp.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseTimestamp(text) {
  const m = /^(?:(\d+):)?(\d+):(\d{2})(?:\.(\d{1,3}))?$/u.exec(text.trim());
  if (!m) return undefined;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return undefined;
  const fraction = m[4] ? Number(`0.${m[4]}`) : 0;
  return roundMs(hours * 3600 + minutes * 60 + seconds + fraction);
}

/**
 * A time in a page's address (?t=192, #t=3:12): whole or decimal seconds ("192", "192.5") or a
 * timestamp ("3:12", "1:02:03"). Undefined for anything else.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseTime(text) {
  if (/^\d+(\.\d+)?$/u.test(text)) return Number(text);
  return parseTimestamp(text);
}

/**
 * Seconds rounded to whole milliseconds, the precision every format here keeps.
 * @param {number} seconds
 */
export function roundMs(seconds) {
  return Math.round(seconds * 1000) / 1000;
}
