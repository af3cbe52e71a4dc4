// Turns among the blocks read so far: where the introduction ends, who spoke last, and the
// unattributed text a lost label leaves behind.

import type { ImportedBlock } from "../../model.ts";

export type Turn = Extract<ImportedBlock, { kind: "turn" }>;

/** The unattributed turns right before this point: at the end of the blocks read so far. */
export function unattributedRun(blocks: readonly ImportedBlock[]): Turn[] {
  const run: Turn[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block?.kind !== "turn" || block.speaker) break;
    run.unshift(block);
  }
  return run;
}

/** Unattributed turns before anyone is named: the host's introduction. */
export function introTurns(blocks: readonly ImportedBlock[]): Turn[] {
  const intro: Turn[] = [];
  for (const block of blocks) {
    if (block.kind !== "turn") continue;
    if (block.speaker) break;
    intro.push(block);
  }
  return intro;
}

export function lastTurn(blocks: readonly ImportedBlock[]): Turn | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block?.kind === "turn") return block;
  }
  return undefined;
}
