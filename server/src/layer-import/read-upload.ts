// An uploaded file in one of the formats we take, read into features in WGS84 (the coordinate
// transform applied; the validation checks what came out).
import { readGeoJson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile.ts';
import { readKml } from './read-kml.ts';
import { readCsvPoints } from './read-csv.ts';
import { geographic, withDeclared, type Crs, type DeclaredCrs } from './crs.ts';
import { mapPositions, type RawFeature } from './raw-feature.ts';
import { unreadable } from './import-error.ts';
import type { ZipLimits } from './zip-entries.ts';

export const IMPORT_FORMATS = ['geojson', 'shapefile', 'kml', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReadResult {
  features: RawFeature[];
  crsLabel: string;
  notes: string[];
}

const MAX_FEATURES = 500_000;

export function readUpload(bytes: Uint8Array, format: ImportFormat, declared?: DeclaredCrs, zipLimits?: ZipLimits): ReadResult {
  if (!bytes.length) throw unreadable('上传的文件是空的');
  let features: RawFeature[];
  let crs: Crs = geographic();
  const notes: string[] = [];
  switch (format) {
    case 'geojson': ({ features, crs } = readGeoJson(bytes)); break;
    case 'kml': features = readKml(bytes); break;
    case 'csv': { const r = readCsvPoints(bytes); features = r.features; notes.push(`CSV 编码 ${r.encoding}`); break; }
    case 'shapefile': { const r = readShapefileZip(bytes, declared !== undefined, zipLimits); features = r.features; crs = r.crs; notes.push(...r.notes); break; }
  }
  if (features.length > MAX_FEATURES) throw unreadable(`要素过多（${features.length}，上限 ${MAX_FEATURES}）`);
  crs = withDeclared(crs, declared);
  const t = crs.transform;
  if (t) features = features.map((f) => ({ properties: f.properties, geometry: f.geometry && mapPositions(f.geometry, t) }));
  return { features, crsLabel: crs.label, notes };
}
