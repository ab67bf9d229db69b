// The review map as an image: the map canvas read right after MapLibre draws a frame (so the map
// needs no preserveDrawingBuffer and keeps its speed), with a header naming the period, filters and
// the colour key — a picture that still says what it shows when pasted into a slide.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Copies a map's canvas as drawn in its next frame. */
export function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')!.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

export interface ExportKey {
  title: string;
  /** CSS colours at positions 0…1, left to right. */
  stops: readonly (readonly [number, string])[];
  left: string;
  right: string;
}

export interface ExportHeader {
  title: string;
  lines: readonly string[];
  /** Labels over each map (split view: period A, period B). */
  paneLabels?: readonly string[];
  key?: ExportKey | null;
}

const BG = '#050b16';
const FONT = "'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";

/** Maps side by side under a header (none: the maps alone), as a canvas. */
export function composeExport(maps: readonly HTMLCanvasElement[], header: ExportHeader | null): HTMLCanvasElement {
  const h = Math.max(...maps.map((m) => m.height));
  const w = maps.reduce((s, m) => s + m.width, 0);
  const unit = Math.max(1, Math.round(w / 1200));
  const band = header ? 96 * unit : 0;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h + band;
  const g = out.getContext('2d')!;
  g.fillStyle = BG;
  g.fillRect(0, 0, out.width, out.height);
  let x = 0;
  maps.forEach((m, i) => {
    g.drawImage(m, x, band);
    const label = header?.paneLabels?.[i];
    if (label) {
      g.font = `700 ${16 * unit}px ${FONT}`;
      const tw = g.measureText(label).width;
      g.fillStyle = 'rgba(7,18,34,0.85)';
      g.fillRect(x + 12 * unit, band + 12 * unit, tw + 20 * unit, 28 * unit);
      g.fillStyle = '#eef5ff';
      g.fillText(label, x + 22 * unit, band + 32 * unit);
    }
    x += m.width;
  });
  if (!header) return out;
  g.fillStyle = '#7fe9f5';
  g.font = `700 ${26 * unit}px ${FONT}`;
  g.fillText(header.title, 20 * unit, 36 * unit);
  g.fillStyle = '#a9bfd8';
  g.font = `${15 * unit}px ${FONT}`;
  header.lines.forEach((line, i) => g.fillText(line, 20 * unit, (62 + i * 20) * unit));
  const key = header.key;
  if (key) {
    const kw = 320 * unit;
    const kx = w - kw - 24 * unit;
    g.fillStyle = '#eef5ff';
    g.font = `700 ${15 * unit}px ${FONT}`;
    g.fillText(key.title, kx, 30 * unit);
    const grad = g.createLinearGradient(kx, 0, kx + kw, 0);
    for (const [p, c] of key.stops) grad.addColorStop(Math.min(1, Math.max(0, p)), c);
    g.fillStyle = grad;
    g.fillRect(kx, 40 * unit, kw, 16 * unit);
    g.fillStyle = '#a9bfd8';
    g.font = `${13 * unit}px ${FONT}`;
    g.fillText(key.left, kx, 76 * unit);
    const rw = g.measureText(key.right).width;
    g.fillText(key.right, kx + kw - rw, 76 * unit);
  }
  return out;
}

/** A smaller JPEG of the composed maps for the printable report. */
export function shrink(canvas: HTMLCanvasElement, maxWidth: number): string {
  const k = Math.min(1, maxWidth / canvas.width);
  const out = document.createElement('canvas');
  out.width = Math.round(canvas.width * k);
  out.height = Math.round(canvas.height * k);
  const g = out.getContext('2d')!;
  g.imageSmoothingQuality = 'high';
  g.drawImage(canvas, 0, 0, out.width, out.height);
  return out.toDataURL('image/jpeg', 0.85);
}
