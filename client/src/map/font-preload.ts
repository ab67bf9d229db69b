// MapLibre draws labels with the page's fonts and caches each glyph the first time. The bundled
// Noto Sans SC comes in unicode-range subsets that load on demand, so the subsets a layer's labels
// need are fetched before its labels are drawn; otherwise the first frames would cache a system
// fallback and the wall would look different on every PC. Each subset is a CJK font file to fetch
// and decode, so only the weight a layer uses is loaded.
const FAMILY = "'Noto Sans SC'";

export type LabelWeight = 400 | 700;

export async function preloadLabelFont(texts: Iterable<string>, weight: LabelWeight): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts?.load) return;
  const chars = new Set<string>();
  for (const t of texts) for (const ch of t) chars.add(ch);
  if (chars.size === 0) return;
  await document.fonts.load(`${weight} 24px ${FAMILY}`, [...chars].join('')).catch(() => undefined);
}
