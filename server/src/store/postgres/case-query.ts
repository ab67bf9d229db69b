import type { CaseQuery } from '@cw/shared/schemas/cases';

/** The WHERE clause of a case list query. Values are appended to `params` and referenced as $n;
 *  only column names, which are constants here, go into the SQL text. */
export function caseFilter(q: CaseQuery, params: unknown[]): string {
  const parts: string[] = [];
  const bind = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const inList = (col: string, csv: string | undefined) => {
    const values = (csv ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (values.length) parts.push(`${col} = ANY(${bind(values)}::text[])`);
  };
  inList('state', q.state);
  inList('category', q.category);
  if (q.district) parts.push(`district = ${bind(q.district)}`);
  if (q.street) parts.push(`street = ${bind(q.street)}`);
  if (q.priority) parts.push(`priority = ${bind(q.priority)}`);
  if (q.overdue !== undefined) parts.push(`overdue = ${bind(q.overdue)}`);
  if (q.open !== undefined) parts.push(`is_open = ${bind(q.open)}`);
  if (q.since !== undefined) parts.push(`created_at >= ${bind(q.since)}`);
  if (q.until !== undefined) parts.push(`created_at < ${bind(q.until)}`);
  if (q.q) {
    // ILIKE because SQLite's LIKE ignores ASCII case; the user's % and _ match themselves.
    const like = bind(`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    parts.push(`(id ILIKE ${like} ESCAPE '\\' OR description ILIKE ${like} ESCAPE '\\' OR address ILIKE ${like} ESCAPE '\\')`);
  }
  if (q.bbox) {
    const [w, s, e, n] = q.bbox.split(',').map(Number) as [number, number, number, number];
    parts.push(`lon >= ${bind(w)} AND lon <= ${bind(e)} AND lat >= ${bind(s)} AND lat <= ${bind(n)}`);
  }
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}
