// Transcript checks beyond pa11y, in the same tab: what a screen reader is actually given.
//   verbatim-turn-speaker-first   every turn's accessible text starts with the speaker's name
//   verbatim-label-fake-heading   no speaker label alone in its own paragraph
//   verbatim-cue-typed            cues are typed non-speech
//   verbatim-tape-labelled        tape groups are groups with a name
//   verbatim-audio-transcript     a page with audio has a transcript
//   verbatim-headings             one h1, and a transcript heading
//   verbatim-turn-lang            foreign-language turns carry lang
//   verbatim-timestamp-name       a timestamp control says what it does, not only the time
//   verbatim-label-inside-paragraph  no speaker label inside a paragraph's speech (words in the wrong mouth)

import fs from "node:fs";
import type { CDPSession, Page } from "puppeteer-core";
import type { Issue } from "../types.ts";
import { labelsInsideParagraphs, type PageParagraph } from "./label-like.ts";

const IN_PAGE = fs.readFileSync(new URL("./in-page.js", import.meta.url), "utf8");

interface Located {
  selector: string;
  context: string;
}

interface Facts {
  issues: Issue[];
  turns: Array<Located & { label: string; labelFirst: boolean }>;
  tapes: Located[];
  paragraphs: PageParagraph[];
  /** Every speaker name the page's turns show, without role. */
  speakers: string[];
}

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

class AccessibilityTree {
  private readonly byId = new Map<string, AXNode>();
  private readonly byBackend = new Map<number, AXNode>();

  constructor(nodes: AXNode[]) {
    for (const node of nodes) {
      this.byId.set(node.nodeId, node);
      if (node.backendDOMNodeId !== undefined) this.byBackend.set(node.backendDOMNodeId, node);
    }
  }

  node(backendId: number): AXNode | undefined {
    return this.byBackend.get(backendId);
  }

  /** The text a screen reader reads inside a node: its text leaves in order, hidden ones left out. */
  spoken(node: AXNode | undefined): string {
    if (!node || node.ignored) return "";
    const role = node.role?.value;
    if (role === "StaticText" || role === "InlineTextBox") return node.name?.value ?? "";
    return (node.childIds ?? []).map((id) => this.spoken(this.byId.get(id))).join("");
  }
}

async function backendIds(session: CDPSession, selector: string): Promise<number[]> {
  const { root } = await session.send("DOM.getDocument", { depth: 0 });
  const { nodeIds } = await session.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
  const described = await Promise.all(nodeIds.map((nodeId) => session.send("DOM.describeNode", { nodeId })));
  return described.map((d) => d.node.backendNodeId);
}

export async function transcriptChecks(page: Page): Promise<Issue[]> {
  const facts = (await page.evaluate(IN_PAGE)) as Facts;
  const issues = [...facts.issues, ...labelsInsideParagraphs(facts.paragraphs, facts.speakers)];
  if (facts.turns.length === 0 && facts.tapes.length === 0) return issues; // nothing needs the tree
  const session = await page.createCDPSession();
  try {
    const { nodes } = (await session.send("Accessibility.getFullAXTree")) as unknown as { nodes: AXNode[] };
    const tree = new AccessibilityTree(nodes);

    const turnIds = facts.turns.length ? await backendIds(session, ".v-turn > p:first-of-type") : [];
    facts.turns.forEach((turn, i) => {
      if (!turn.label) return; // reported in the page already
      const spoken = tree.spoken(tree.node(turnIds[i] ?? -1)).replace(/\s+/gu, " ").trim();
      const fail = (message: string) =>
        issues.push({ code: "verbatim-turn-speaker-first", type: "error", message, selector: turn.selector, context: turn.context, runner: "verbatim" });
      const heard = spoken.slice(0, turn.label.length);
      if (!turn.labelFirst || heard.toLowerCase() !== turn.label.toLowerCase()) {
        fail(`This turn's accessible text does not start with the speaker's name ("${turn.label}"); it starts "${spoken.slice(0, 40)}".`);
      } else if (/\p{Lu}{2}/u.test(heard) && !/\p{Ll}/u.test(heard)) {
        fail(`The speaker's name reaches screen readers in capitals ("${heard}"), which some spell out letter by letter; use proper case (small caps in CSS, not text-transform).`);
      }
    });

    const tapeIds = facts.tapes.length ? await backendIds(session, ".v-tape") : [];
    facts.tapes.forEach((tape, i) => {
      const node = tree.node(tapeIds[i] ?? -1);
      if (node?.role?.value !== "group" || !node.name?.value?.trim()) {
        issues.push({ code: "verbatim-tape-labelled", type: "error", message: "This tape group is not exposed as a named group, so a listener cannot tell taped audio from the live conversation.", selector: tape.selector, context: tape.context, runner: "verbatim" });
      }
    });
  } finally {
    await session.detach().catch(() => {});
  }
  return issues;
}
