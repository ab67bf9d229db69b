// Nearest-rank quantiles without a full sort: p90 of n values is the ⌈0.9·n⌉-th smallest, found by
// quickselect in linear time. The nearest-rank value is always one of the observed durations.

/** The ⌈q·n⌉-th smallest of `values[from, to)` (1-based rank, at least 1); reorders that range.
 *  NaN for an empty range. */
export function nearestRank(values: Float64Array, q: number, from = 0, to = values.length): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return select(values, from, to - 1, from + rank - 1);
}

/** Hoare quickselect: the value that would sit at index k if values[lo..hi] were sorted. */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (lo < hi) {
    // Median of three keeps sorted and reverse-sorted runs (common in time data) linear.
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
