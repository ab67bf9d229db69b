// The choices the admin page offers, in the order people look for them.
import { LAYER_NAMES, type LayerNameValue } from '@cw/shared/schemas/imports';

export const LAYERS: readonly LayerNameValue[] = LAYER_NAMES;
export const FORMATS = ['shapefile', 'geojson', 'kml', 'csv'] as const;
export const CRS_CHOICES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;

/** The format a file's name suggests. */
export function formatOf(fileName: string): (typeof FORMATS)[number] | null {
  const n = fileName.toLowerCase();
  if (n.endsWith('.zip')) return 'shapefile';
  if (n.endsWith('.geojson') || n.endsWith('.json')) return 'geojson';
  if (n.endsWith('.kml')) return 'kml';
  if (n.endsWith('.csv')) return 'csv';
  return null;
}
