// The XML pieces every feed is written with: escaping and one element per line. Pure.

// XML 1.0 forbids these characters even escaped: C0 controls other than tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. They are dropped rather than written into a feed readers reject.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe in XML character data and in double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/gu, (c) => XML_ESCAPES[c] ?? c);
}

export type Attributes = Record<string, string | number | undefined>;

function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/** One element on its own line: empty, with text, or with child lines. */
export function element(indent: number, name: string, attributes: Attributes, content?: string | string[]): string {
  const pad = "  ".repeat(indent);
  if (content === undefined) return `${pad}<${name}${attrs(attributes)}/>`;
  if (typeof content === "string") return `${pad}<${name}${attrs(attributes)}>${escapeXml(content)}</${name}>`;
  return [`${pad}<${name}${attrs(attributes)}>`, ...content, `${pad}</${name}>`].join("\n");
}

