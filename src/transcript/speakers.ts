// Who speaks: full labels define speakers, short labels find them again, and the story's
// front matter may declare or override them.

import { NotationError } from "./errors.ts";
import type { LabelMatch } from "./labels.ts";
import type { RoleKind, Speaker, SpeakerKind } from "./model.ts";
import { lowerCaseKeepingAcronyms, properCase, sentenceCase, slugify } from "./text.ts";

/** A `speakers:` entry in front matter, keyed by the label it answers to. */
export interface SpeakerDeclaration {
  name: string;
  role?: string;
  lang?: string;
}

const TITLE_WORDS = new Set([
  "PRESIDENT", "PRESIDENT-ELECT", "VICE", "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "SEN.", "SENATOR", "REP.",
  "REPRESENTATIVE", "GOV.", "GOVERNOR", "MAYOR", "DR.", "JUDGE", "JUSTICE", "CHIEF", "GEN.", "GENERAL",
  "SECRETARY", "CHANCELLOR", "POPE", "KING", "QUEEN", "PRINCE", "PRINCESS", "REV.", "REVEREND", "RABBI", "IMAM",
  "CAPT.", "CAPTAIN", "COL.", "LT.", "SGT.", "SHERIFF", "MR.", "MRS.", "MS.", "AMBASSADOR", "ATTORNEY",
  "SPEAKER", "PROF.", "PROFESSOR", "COUNCILMEMBER", "COUNCILWOMAN", "COUNCILMAN", "COMMISSIONER", "FORMER",
  "FIRST", "LADY", "DEPUTY", "ADM.", "ADMIRAL", "SUPERINTENDENT", "ARCHBISHOP", "BISHOP", "CARDINAL", "SIR", "DAME",
]);

const SUFFIXES = new Set(["JR.", "JR", "SR.", "SR", "II", "III", "IV", "PHD", "PH.D.", "MD", "M.D.", "ESQ."]);

const GROUP_WORDS = new Set([
  "CROWD", "AUDIENCE", "CHORUS", "CHOIR", "CONGREGATION", "PROTESTERS", "DEMONSTRATORS", "CHILDREN", "STUDENTS",
  "GROUP", "ALL", "BOTH", "MARCHERS", "FANS", "SUPPORTERS", "PANEL", "CAST", "CROWD MEMBERS", "UNIDENTIFIED GROUP",
  "UNIDENTIFIED CROWD", "UNIDENTIFIED PEOPLE", "UNIDENTIFIED CHILDREN", "UNIDENTIFIED CHORUS", "GROUP OF PEOPLE",
]);

/** The form labels and keys are compared in: capitals, single spaces, straight apostrophes. */
export function labelKey(text: string): string {
  return text.normalize("NFC").toUpperCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, " ").trim();
}

function roleFromLabel(roleText: string): { role: string; roleKind: RoleKind } {
  const key = labelKey(roleText);
  if (key === "BYLINE") return { role: "reporter", roleKind: "byline" };
  if (key === "HOST") return { role: "host", roleKind: "host" };
  const role = lowerCaseKeepingAcronyms(roleText);
  return { role, roleKind: roleKindOf(role) };
}

/** Whether a role, as written, makes the speaker one of the programme's own voices. */
export function roleKindOf(role: string | undefined): RoleKind {
  if (!role) return "other";
  if (/\b(co-?)?host\b|\banchor\b|\bpresenter\b/iu.test(role)) return "host";
  if (/\b(byline|reporter|correspondent|producer)\b/iu.test(role)) return "byline";
  return "other";
}

interface NameParts {
  title?: string;
  name: string;
  affiliation?: string;
  /** Words of the bare name in capitals, to find the speaker again by surname or first name. */
  words: string[];
}

/** A name in label form (labelKey) taken apart: title words, the name's words, the affiliation. */
interface KeyParts {
  titleWords: string[];
  /** The name's words, suffixes included. */
  all: string[];
  affiliation?: string;
  /** As NameParts.words. */
  words: string[];
}

function splitKey(key: string): KeyParts {
  let rest = key;
  let affiliation: string | undefined;
  const paren = /\s*(\([^()]*\))\s*$/u.exec(rest);
  if (paren?.[1]) {
    affiliation = paren[1];
    rest = rest.slice(0, paren.index);
  }
  const words = rest.split(" ");
  const titleWords: string[] = [];
  while (words.length > 1 && TITLE_WORDS.has(words[0] ?? "")) titleWords.push(words.shift() ?? "");
  const nameWords = words.filter((w) => !SUFFIXES.has(w));
  return { titleWords, all: words, ...(affiliation ? { affiliation } : {}), words: nameWords.length ? nameWords : words };
}

function splitName(nameText: string): NameParts {
  const { titleWords, all, affiliation, words } = splitKey(labelKey(nameText));
  return {
    ...(titleWords.length ? { title: properCase(titleWords.join(" ")) } : {}),
    name: properCase(all.join(" ")),
    ...(affiliation ? { affiliation } : {}),
    words,
  };
}

interface Alias {
  speaker: Speaker;
  /** 0: the whole label or name; 1: surname; 2: first name. Lower wins. */
  priority: number;
}

export interface ResolveOptions {
  lenient: boolean;
  warn: (line: number, message: string) => void;
}

export class SpeakerRegistry {
  private readonly aliases = new Map<string, Alias[]>();
  private readonly declared = new Map<string, SpeakerDeclaration>();
  private readonly fromDeclaration = new Map<string, Speaker>();
  private readonly ids = new Set<string>();
  /** Speakers in the order they first speak. */
  readonly appearing: Speaker[] = [];

  constructor(
    declarations: Record<string, SpeakerDeclaration> = {},
    private readonly options: ResolveOptions = { lenient: false, warn: () => {} },
  ) {
    for (const [key, declaration] of Object.entries(declarations)) this.declared.set(labelKey(key), declaration);
  }

  /** The speaker a label names, creating one for a full label seen for the first time. */
  resolve(label: LabelMatch, line: number): Speaker {
    const speaker = this.lookup(label, line) ?? this.define(label, line);
    if (!this.appearing.includes(speaker)) this.appearing.push(speaker);
    return speaker;
  }

  private lookup(label: LabelMatch, line: number): Speaker | undefined {
    const nameKey = labelKey(label.nameText);
    for (const key of [labelKey(label.raw), nameKey]) {
      const declaration = this.declared.get(key);
      if (declaration) return this.declaredSpeaker(key, declaration, label, line);
    }
    // Only the words are compared: the name in proper case (splitName) is not needed to find a speaker.
    for (const key of [nameKey, splitKey(nameKey).words.join(" ")]) {
      const found = this.findAlias(key, label, line);
      if (found) {
        if (label.roleText && !found.role) Object.assign(found, roleFromLabel(label.roleText));
        return found;
      }
    }
    return undefined;
  }

  private findAlias(key: string, label: LabelMatch, line: number): Speaker | undefined {
    const candidates = this.aliases.get(key);
    if (!candidates?.length) return undefined;
    const best = Math.min(...candidates.map((c) => c.priority));
    const top = [...new Set(candidates.filter((c) => c.priority === best).map((c) => c.speaker))];
    if (top.length > 1) {
      throw new NotationError(
        line,
        `The label "${label.raw}:" could mean ${top.map((s) => s.name).join(" or ")}.`,
        `write the full label (for example "${labelKey(top[0]?.name ?? "")}:") or declare "${label.raw}" under speakers: in the front matter.`,
      );
    }
    return top[0];
  }

  private declaredSpeaker(key: string, declaration: SpeakerDeclaration, label: LabelMatch, line: number): Speaker {
    const existing = this.fromDeclaration.get(declaration.name);
    if (existing) return existing;
    const labelRole = label.roleText ? roleFromLabel(label.roleText) : undefined;
    const role = declaration.role ?? labelRole?.role;
    const parts = splitName(declaration.name);
    const introduced = this.aliases.get(labelKey(declaration.name))?.find((a) => a.priority === 0)?.speaker;
    if (introduced) {
      // Introduced by a full label earlier; the declaration refines it.
      Object.assign(introduced, {
        name: declaration.name,
        ...(role ? { role, roleKind: declaration.role ? roleKindOf(declaration.role) : introduced.roleKind } : {}),
        ...(declaration.lang ? { lang: declaration.lang } : {}),
      });
      this.fromDeclaration.set(declaration.name, introduced);
      this.addAliases(introduced, [key], []);
      return introduced;
    }
    const speaker = this.create({
      name: declaration.name,
      ...(role ? { role } : {}),
      roleKind: declaration.role ? roleKindOf(declaration.role) : (labelRole?.roleKind ?? "other"),
      kind: kindOf(labelKey(declaration.name)),
      ...(declaration.lang ? { lang: declaration.lang } : {}),
      line,
    });
    this.fromDeclaration.set(declaration.name, speaker);
    this.addAliases(speaker, [key, labelKey(declaration.name)], parts.words);
    // The label as written also finds the speaker again, e.g. "GONZALEZ" for "María González".
    const written = splitName(label.nameText);
    this.addAliases(speaker, [labelKey(label.nameText)], written.words);
    return speaker;
  }

  private define(label: LabelMatch, line: number): Speaker {
    const key = labelKey(label.nameText);
    const parts = splitName(label.nameText);
    for (const [declaredKey, declaration] of this.declared) {
      if (labelKey(declaration.name) === labelKey(parts.name)) return this.declaredSpeaker(declaredKey, declaration, label, line);
    }
    const kind = kindOf(key);
    const single = !key.includes(" ");
    if (single && kind === "person" && !label.roleText) {
      const problem = `Unknown speaker label "${label.raw}:": no one with that name was introduced earlier in the story.`;
      const fix = `introduce the speaker with a full label on first appearance (for example "FIRSTNAME ${key}, ROLE:") or declare them in the front matter: speakers: { ${key}: { name: "Full Name", role: "guest" } }.`;
      if (!this.options.lenient) throw new NotationError(line, problem, fix);
      this.options.warn(line, `${problem} Using "${properCase(key)}" as the name.`);
    }
    const role = label.roleText ? roleFromLabel(label.roleText) : undefined;
    const speaker = this.create({
      name: kind === "person" ? parts.name : sentenceCase(key),
      ...(kind === "person" && parts.title ? { title: parts.title } : {}),
      ...(parts.affiliation ? { affiliation: parts.affiliation } : {}),
      ...(role ?? { roleKind: "other" as const }),
      kind,
      line,
    });
    this.addAliases(speaker, [labelKey(label.raw), key, parts.words.join(" ")], kind === "person" ? parts.words : []);
    return speaker;
  }

  /**
   * The speaker (or declared speaker) a one-word label would find, without resolving anything:
   * the names, joined with " or " when the label could mean several; undefined for no one.
   */
  nameFor(label: string): string | undefined {
    const key = labelKey(label);
    const declared = this.declared.get(key);
    if (declared) return declared.name;
    const introduced = this.aliases.get(key);
    if (introduced?.length) {
      const best = Math.min(...introduced.map((a) => a.priority));
      return [...new Set(introduced.filter((a) => a.priority === best).map((a) => a.speaker.name))].join(" or ") || undefined;
    }
    const byName = [...this.declared.values()].filter((d) => nameAliases(d.name).includes(key)).map((d) => d.name);
    return byName.length ? [...new Set(byName)].join(" or ") : undefined;
  }

  private create(fields: Omit<Speaker, "id" | "generic">): Speaker {
    const base = slugify(fields.name) || "speaker";
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return { id, ...fields, generic: fields.kind !== "person" };
  }

  private addAliases(speaker: Speaker, whole: string[], words: string[]): void {
    const add = (alias: string, priority: number) => {
      if (!alias) return;
      const list = this.aliases.get(alias) ?? [];
      if (!list.some((a) => a.speaker === speaker && a.priority <= priority)) list.push({ speaker, priority });
      this.aliases.set(alias, list);
    };
    for (const alias of whole) add(alias, 0);
    if (words.length > 1) {
      add(words[words.length - 1] ?? "", 1);
      add(words[0] ?? "", 2);
    }
  }
}

/**
 * The labels a speaker's name answers to, in label form: the whole name, and for a person of two
 * or more words the surname and first name. Titles, affiliations and suffixes do not count.
 * "President Nicolas Sarkozy" → NICOLAS SARKOZY, SARKOZY, NICOLAS; "Unidentified man #1" → itself.
 */
export function nameAliases(name: string): string[] {
  const key = labelKey(name);
  if (kindOf(key) !== "person") return [key];
  const parts = splitName(name);
  const whole = parts.words.join(" ");
  const words = parts.words.length > 1 ? [parts.words[parts.words.length - 1] ?? "", parts.words[0] ?? ""] : [];
  return [...new Set([key, whole, ...words].filter(Boolean))];
}

function kindOf(key: string): SpeakerKind {
  if (GROUP_WORDS.has(key)) return "group";
  if (key.startsWith("UNIDENTIFIED")) return "unidentified";
  return "person";
}

/** The label a turn shows: the full form the first time a speaker talks, the name after that. */
export function speakerLabel(speaker: Speaker, first: boolean): string {
  const name = first && speaker.title ? `${speaker.title} ${speaker.name}` : speaker.name;
  const withAffiliation = first && speaker.affiliation ? `${name} ${speaker.affiliation}` : name;
  return first && speaker.role ? `${withAffiliation}, ${speaker.role}` : withAffiliation;
}
