// Dates as readers read them, in the page's language: "April 21, 2026".

/** One formatter per language: making one costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(lang: string): Intl.DateTimeFormat {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    formatters.set(lang, formatter);
  }
  return formatter;
}

export function readableDate(date: string, lang: string): string {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return formatterFor(lang).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
