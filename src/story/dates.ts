// Dates as readers read them, in the page's language: "April 21, 2026".

/** One formatter per language: making one costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Every story list shows its stories' dates again; an archive has far fewer days than mentions. */
const written = new Map<string, string>();

function formatterFor(lang: string): Intl.DateTimeFormat {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(lang, formatter);
  }
  return formatter;
}

export function readableDate(date: string, lang: string): string {
  const key = `${lang} ${date.slice(0, 10)}`;
  let text = written.get(key);
  if (text === undefined) {
    const [y, m, d] = date.slice(0, 10).split("-").map(Number);
    text = formatterFor(lang).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
    written.set(key, text);
  }
  return text;
}
