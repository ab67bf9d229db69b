// Case id → index row. Ids are day codes with a per-day counter (AJ20261127-00042), so one small
// array per day holds a million ids in a few megabytes, where a Map of strings would take ~80 MB.
const CODE = /^AJ(\d{8})-(\d{5})$/;

export class CaseDirectory {
  private readonly days = new Map<number, number[]>();
  /** Ids not in the standard form (none are written today, but the index must not lose them). */
  private readonly other = new Map<string, number>();

  get(id: string): number {
    const m = CODE.exec(id);
    if (!m) return this.other.get(id) ?? -1;
    return this.days.get(Number(m[1]))?.[Number(m[2])] ?? -1;
  }

  set(id: string, row: number): void {
    const m = CODE.exec(id);
    if (!m) { this.other.set(id, row); return; }
    const day = Number(m[1]);
    let rows = this.days.get(day);
    if (!rows) this.days.set(day, (rows = []));
    const n = Number(m[2]);
    // Keep the array dense (no holes), so V8 stores it as packed small integers.
    while (rows.length < n) rows.push(-1);
    rows[n] = row;
  }

  /** The ids of the given rows ('' for a row no id points to). One pass over the directory: for
   *  the few lists that show ids, not for aggregations. */
  idsOf(rows: readonly number[]): string[] {
    const want = new Map<number, number[]>();
    rows.forEach((row, k) => want.set(row, [...(want.get(row) ?? []), k]));
    const out = new Array<string>(rows.length).fill('');
    const put = (row: number, id: string) => { for (const k of want.get(row) ?? []) out[k] = id; };
    for (const [day, list] of this.days) {
      list.forEach((row, n) => { if (want.has(row)) put(row, `AJ${day}-${String(n).padStart(5, '0')}`); });
    }
    for (const [id, row] of this.other) if (want.has(row)) put(row, id);
    return out;
  }

  /** Moves every row at or after `from` one place up (a row was inserted before them). */
  shiftFrom(from: number): void {
    for (const rows of this.days.values()) {
      for (let i = 0; i < rows.length; i++) if (rows[i]! >= from) rows[i] = rows[i]! + 1;
    }
    for (const [id, row] of this.other) if (row >= from) this.other.set(id, row + 1);
  }
}
