/** Codes ↔ small integers, so the index stores a category or a street as one typed-array slot.
 *  Seeded with the known codes in a fixed order (the order the API's meta lists them in); a code
 *  first seen in the data is appended rather than dropped. */
export class Dictionary {
  private readonly byCode = new Map<string, number>();
  private readonly list: string[] = [];

  constructor(codes: Iterable<string> = []) {
    for (const c of codes) this.intern(c);
  }

  get size(): number {
    return this.list.length;
  }

  get codes(): readonly string[] {
    return this.list;
  }

  /** The code's number, adding the code if it is new. */
  intern(code: string): number {
    let i = this.byCode.get(code);
    if (i === undefined) {
      i = this.list.length;
      this.byCode.set(code, i);
      this.list.push(code);
    }
    return i;
  }

  /** The code's number, or -1 for a code never seen. */
  find(code: string): number {
    return this.byCode.get(code) ?? -1;
  }

  code(i: number): string {
    const c = this.list[i];
    if (c === undefined) throw new RangeError(`no code at ${i}`);
    return c;
  }
}
