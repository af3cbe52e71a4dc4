// Loads notation fixture files: the notation's specification, in markdown-it's fixture style.
//
//   Title of the case (one or more lines)
//   .
//   input (may start with front matter between --- lines: speakers, lenient)
//   .
//   expected HTML, or "error: <text the error message contains>";
//   lines "warning: <text>" at the end list expected warnings
//   .

export interface FixtureCase {
  title: string;
  input: string;
  expected: string;
  error?: string;
  warnings: string[];
  /** 1-based line of the case's title in the fixture file. */
  line: number;
}

export function parseFixtures(text: string): FixtureCase[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const cases: FixtureCase[] = [];
  let i = 0;
  const section = (): string[] => {
    const out: string[] = [];
    while (i < lines.length && lines[i] !== ".") out.push(lines[i++] ?? "");
    if (i >= lines.length) throw new Error(`fixture: unterminated section at end of file`);
    i++; // the "."
    return out;
  };
  while (i < lines.length) {
    if ((lines[i] ?? "").trim() === "" || lines[i]?.startsWith("#")) {
      i++;
      continue;
    }
    const line = i + 1;
    const title = section().join(" ").trim();
    const input = section().join("\n");
    const output = section();
    const warnings = output.filter((l) => l.startsWith("warning: ")).map((l) => l.slice(9));
    const rest = output.filter((l) => !l.startsWith("warning: "));
    const error = rest[0]?.startsWith("error: ") ? rest.join("\n").slice(7) : undefined;
    cases.push({ title, input, expected: rest.length ? `${rest.join("\n")}\n` : "", ...(error ? { error } : {}), warnings, line });
  }
  return cases;
}
