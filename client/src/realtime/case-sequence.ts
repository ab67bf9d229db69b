// Case events carry a global, gap-free `seq`. A display applies them strictly in order: a repeat is
// ignored, and a gap means events were missed, so it asks the server to catch it up instead.
export type EventVerdict = 'apply' | 'duplicate' | 'gap' | 'not-ready';

/** `lastSeq` is null until the case list has been loaded (it tells where the list stands). */
export function judgeEvent(lastSeq: number | null, seq: number): EventVerdict {
  if (lastSeq === null) return 'not-ready';
  if (seq <= lastSeq) return 'duplicate';
  return seq === lastSeq + 1 ? 'apply' : 'gap';
}

/** A stale copy of a case (lower version) never overwrites a newer one. */
export function isNewer(incoming: { version: number }, current: { version: number } | undefined): boolean {
  return current === undefined || incoming.version >= current.version;
}
