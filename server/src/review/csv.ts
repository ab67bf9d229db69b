// CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF
// line ends, RFC 4180 quoting. Text that Excel would run as a formula (= + - @ at the start) is
// prefixed with an apostrophe, so a case description can never become a formula on a leader's PC.
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
