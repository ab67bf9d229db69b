// MapLibre draws labels with the page's fonts and caches each glyph the first time. The bundled
// Noto Sans SC comes in unicode-range subsets that load on demand, so the subsets a layer's labels
// need are fetched before its labels are drawn; otherwise the first frames would cache a system
// fallback and the wall would look different on every PC.
const FAMILY = "'Noto Sans SC'";
const WEIGHTS = [400, 700] as const;

export async function preloadLabelFont(texts: Iterable<string>): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  const chars = new Set<string>();
  for (const t of texts) for (const ch of t) chars.add(ch);
  if (chars.size === 0) return;
  const sample = [...chars].join('');
  await Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 24px ${FAMILY}`, sample))).catch(() => undefined);
}
