/** The China-time calendar day (YYYYMMDD) a case code is numbered in. */
export function caseCodeDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Start of the China-time day containing `ms`. */
export function chinaDayStart(ms: number): number {
  const day = 86400_000;
  return Math.floor((ms + 8 * 3600_000) / day) * day - 8 * 3600_000;
}
