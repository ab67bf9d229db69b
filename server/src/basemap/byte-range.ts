// One HTTP Range header against a file of `size` bytes (RFC 9110 §14): what to answer.

export type RangeAnswer =
  /** No usable Range: send the whole file with 200. */
  | { kind: 'whole' }
  /** Inclusive byte positions, already clamped to the file: 206. */
  | { kind: 'part'; start: number; end: number }
  /** 416 with `Content-Range: bytes *\/size`. */
  | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

/**
 * One range is served as such. Several (`bytes=0-1,5-9`) get the whole file: RFC 9110 lets a server
 * ignore Range, and no map client asks for multipart answers. A header in another unit is ignored;
 * a malformed bytes range, or one starting past the end, is unsatisfiable.
 */
export function answerRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return { kind: 'whole' };
  const specs = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
  if (specs.length === 0) return { kind: 'unsatisfiable' };
  if (specs.length > 1) return specs.every((s) => SPEC.test(s)) ? { kind: 'whole' } : { kind: 'unsatisfiable' };
  const [, first, last] = SPEC.exec(specs[0]!) ?? [];
  if (first === undefined || last === undefined || (first === '' && last === '')) return { kind: 'unsatisfiable' };
  if (first === '') {
    // Suffix range: the last N bytes.
    const n = Number(last);
    if (!Number.isSafeInteger(n) || n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}
