// @ts-check
// The player's decisions that need no page (player.js does the DOM): which turn is being heard at
// a time, where an arrow key moves in the grid of play and permalink controls, and which moment a
// page's address opens at. Pure: unit-tested in Node (tests/browser-helpers.test.ts).

import { parseTime } from "./time.js";

/**
 * The turn being heard at `time`: the index of the last start at or before it (a turn counts from
 * 50 ms before its start, so seeking to a start lands in that turn), or -1 before the first.
 * @param {readonly number[]} starts the turns' start times, ascending
 * @param {number} time seconds
 */
export function turnAt(starts, time) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? Infinity) <= time + 0.05) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where a key moves in the grid of turns × {play, link}: Up/Down between turns, Left/Right between
 * a turn's two controls, Home/End to the first/last turn. Undefined for any other key.
 * @param {string} key a KeyboardEvent's key
 * @param {number} row the turn the focus is on
 * @param {number} col 0 (play) or 1 (link)
 * @param {number} last the last turn's index
 * @returns {[row: number, col: number] | undefined}
 */
export function gridMove(key, row, col, last) {
  switch (key) {
    case "ArrowDown": return [Math.min(row + 1, last), col];
    case "ArrowUp": return [Math.max(row - 1, 0), col];
    case "ArrowRight": return [row, 1];
    case "ArrowLeft": return [row, 0];
    case "Home": return [0, col];
    case "End": return [last, col];
    default: return undefined;
  }
}

/**
 * The moment a page's address opens at: ?t= or #t= (seconds or 3:12) gives a time, ?t= first;
 * any other fragment names an element (#v-turn-4). Either may be missing.
 * @param {string} search location.search ("?t=100" or "")
 * @param {string} hash location.hash ("#t=2:05", "#v-turn-4" or ""); a malformed escape throws
 * @returns {{ time: number | undefined, id: string | undefined }}
 */
export function momentFromAddress(search, hash) {
  const params = new URLSearchParams(search);
  const fragment = decodeURIComponent(hash.slice(1));
  const hashTime = /^t=([\d:.]+)$/u.exec(fragment)?.[1];
  return {
    time: parseTime(params.get("t") ?? hashTime ?? ""),
    id: fragment && hashTime === undefined ? fragment : undefined,
  };
}
