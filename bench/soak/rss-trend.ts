// What a soak reads from its RSS samples: growth from the end of the warm-up to the end, and the
// least-squares slope over the same span (one late spike moves the first, not the second).

export interface RssSample {
  /** Minutes since the load started. */
  minute: number;
  mb: number;
}

export function rssTrend(samples: readonly RssSample[], warmMinutes: number): { growthMb: number; slopeMbPerMin: number } {
  const after = samples.filter((s) => s.minute >= warmMinutes && Number.isFinite(s.mb));
  if (after.length < 2) return { growthMb: NaN, slopeMbPerMin: NaN };
  const n = after.length;
  const mx = after.reduce((a, s) => a + s.minute, 0) / n;
  const my = after.reduce((a, s) => a + s.mb, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of after) {
    sxy += (s.minute - mx) * (s.mb - my);
    sxx += (s.minute - mx) ** 2;
  }
  return { growthMb: after[n - 1]!.mb - after[0]!.mb, slopeMbPerMin: sxx > 0 ? sxy / sxx : NaN };
}
