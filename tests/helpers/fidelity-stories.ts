// Generated stories in the notation for the fidelity tests, harder than the benchmark's: several
// languages and scripts, names with titles, particles, hyphens, apostrophes and accents, two people
// with one surname, (ph), [expletive], inline and stand-alone sounds, taped voices after SOUNDBITE
// cues, singers after a song cue, manners, quotes and dashes right before the next label, and
// label-like words inside speech (`NOTE:`, `5:30`, `U.S.`, `NASA`). Deterministic from a seed.

import { random } from "../../src/bench/generate.ts";

interface Person {
  /** The full label's name part: "MAYOR ELENA VOSS". */
  label: string;
  role?: string;
}

const GUESTS: Person[] = [
  { label: "MAYOR ELENA VOSS" },
  { label: "ANA DE SOUZA", role: "BAKER" },
  { label: "DEV O'BRIEN" },
  { label: "CECILIA FARFAN-MENDEZ", role: "RESEARCHER" },
  { label: "JOSÉ ÑÚÑEZ" },
  { label: "ZOË ÅBERG" },
  { label: "LUCA KOVAC" },
  { label: "MARTA KOVAC", role: "FERRY PILOT" },
  { label: "ΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ" },
  { label: "GILON", role: "GUEST" },
  { label: "DR. AMARA OKONKWO-BELL" },
  { label: "SIOBHÁN NÍ BHRIAIN" },
];
const HOSTS: Person[] = [{ label: "DANA PRICE", role: "HOST" }, { label: "RAYMOND OYELARAN", role: "HOST" }];
const REPORTERS: Person[] = [{ label: "TOMAS REYES", role: "BYLINE" }, { label: "HANA KOWALCZYK", role: "BYLINE" }];

const LANGUAGES: Record<string, string[]> = {
  en: "the harbor council night ferry workers bread oven library tools river bridge market school morning winter budget vote story people said would never again first last year week always because through".split(" "),
  es: "la estación el puerto mañana nunca siempre trabajo pan río señor niños cómo está año ciudad barco noche también".split(" "),
  fr: "le port la nuit toujours jamais pain rivière école hiver marché ville bateau ouvriers déjà très été".split(" "),
  de: "die Fähre der Hafen immer nie Brot Fluss Schule Winter Markt Stadt Arbeiter schon sehr Nacht über".split(" "),
  el: "το λιμάνι η νύχτα πάντα ποτέ ψωμί ποτάμι σχολείο χειμώνας αγορά πόλη πλοίο εργάτες".split(" "),
};
/** Things said inside speech that look like labels, times or initials, and are words. */
const TRAPS = ["NOTE: the depot closes early", "the 5:30 a.m. boat", "in the U.S. and the U.K.", "NASA engineers", "the sign read CLOSED: no entry", "at 12:40 a.m. sharp", "a letter from Mr. Ostrowski"];
const ENDS = [".", ".", ".", "?", "!", "…", "—"];

export interface VariantStory {
  slug: string;
  text: string;
}

/** A story in the notation, deterministic from `n`, about `turns` turns long. */
export function variantStory(n: number, turns = 14): VariantStory {
  const rnd = random(n * 104_729 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number) => rnd() < p;
  const languages = Object.keys(LANGUAGES);
  const sentence = (lang = "en") => {
    const words = Array.from({ length: 4 + Math.floor(rnd() * 10) }, () => pick(LANGUAGES[lang] ?? []));
    if (lang === "en" && chance(0.25)) words.splice(1 + Math.floor(rnd() * words.length), 0, pick(TRAPS));
    if (chance(0.1)) words.splice(1, 0, "Ostrowski (ph)");
    if (chance(0.08)) words.splice(2, 0, "[expletive]");
    if (chance(0.1)) words.splice(Math.floor(rnd() * words.length), 0, "(Laughter)");
    const text = words.join(" ");
    const opening = lang === "es" && chance(0.5) ? "¿" : "";
    const end = opening ? "?" : pick(ENDS);
    const body = `${opening}${text.charAt(0).toUpperCase()}${text.slice(1)}${end}`;
    if (chance(0.12)) return lang === "fr" ? `« ${body} »` : `"${body}"`;
    return body;
  };
  const paragraph = () => {
    const lang = chance(0.25) ? pick(languages) : "en";
    const text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(lang)).join(" ");
    // A sound at the very end of the speech, before the next label.
    return chance(0.08) ? `${text} (Laughter)` : text;
  };
  const host = pick(HOSTS);
  const reporter = pick(REPORTERS);
  const guests = Array.from(new Set(Array.from({ length: 4 }, () => pick(GUESTS))));
  const people = [host, reporter, ...guests];
  const introduced = new Set<Person>();
  const surname = (p: Person) => p.label.split(" ").at(-1) ?? p.label;
  const shared = (p: Person) => people.filter((q) => surname(q) === surname(p)).length > 1;
  const label = (p: Person) => {
    const first = !introduced.has(p);
    introduced.add(p);
    if (first) return p.role ? `${p.label}, ${p.role}` : p.label;
    return shared(p) ? p.label : surname(p);
  };
  const body: string[] = [];
  if (chance(0.7)) body.push(paragraph(), ...(chance(0.5) ? [paragraph()] : []));
  let last: Person | undefined;
  for (let t = 0; t < turns; t++) {
    let who = pick(people);
    if (who === last) who = people[(people.indexOf(who) + 1) % people.length] as Person;
    last = who;
    const manner = chance(0.08) ? "(Through interpreter) " : "";
    if (chance(0.05) && !introduced.has(who) && !who.role) {
      // Untranslated speech: a turn that is only its manner, then the interpreter's words.
      body.push(`${label(who)}: (Speaking Spanish)`, `${label(who)}: (Through interpreter) ${paragraph()}`);
      continue;
    }
    body.push(`${label(who)}: ${manner}${paragraph()}`);
    if (chance(0.3)) body.push(paragraph());
    const cue = rnd();
    if (cue < 0.08) body.push("(LAUGHTER)");
    else if (cue < 0.12) body.push("(APPLAUSE)");
    else if (cue < 0.2) {
      body.push("(SOUNDBITE OF ARCHIVED BROADCAST)", `${pick(["UNIDENTIFIED REPORTER", "UNIDENTIFIED MAN #1", "UNIDENTIFIED WOMAN #2"])}: ${paragraph()}`);
      last = undefined;
    } else if (cue < 0.25) {
      body.push('(SOUNDBITE OF THE LANTERNS SONG, "MOONLIGHT TRANSFER")', `MARGIT OSTERGAARD: (Singing) ${sentence()} ${sentence()}`);
      last = undefined;
    } else if (cue < 0.28) {
      body.push("(SOUNDBITE OF CROWD CHANTING)", `CROWD: (Chanting) ${sentence()}`);
      last = undefined;
    }
  }
  const front = ["---", `title: "Variant story ${n}"`, "show: Night Desk", "date: 2026-11-30", "---"];
  return { slug: `variant-${String(n).padStart(3, "0")}`, text: `${front.join("\n")}\n${body.join("\n\n")}\n` };
}
