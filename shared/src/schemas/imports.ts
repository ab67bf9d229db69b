// Layer imports (the city's authoritative GIS layers replacing the committed ones), their
// validation report, the stored versions of each layer, and the change notice displays refetch on.
import Type from 'typebox';

/** The map layers, as the server loads and serves them (server/src/geo/layers.ts LAYER_NAMES). */
export const LAYER_NAMES = [
  'districts', 'streets', 'communities', 'grid', 'corridors', 'corridor-zones', 'inspection-points', 'road-sections',
] as const;
export const LayerNameSchema = Type.Union([Type.Literal('districts'), Type.Literal('streets'), Type.Literal('communities'), Type.Literal('grid'), Type.Literal('corridors'), Type.Literal('corridor-zones'), Type.Literal('inspection-points'), Type.Literal('road-sections')]);
export type LayerNameValue = (typeof LAYER_NAMES)[number];

export const IMPORT_FORMATS = ['geojson', 'shapefile', 'kml', 'csv'] as const;
export const ImportFormatSchema = Type.Union([Type.Literal('geojson'), Type.Literal('shapefile'), Type.Literal('kml'), Type.Literal('csv')]);
/** What the user says the coordinates are in, where the file cannot say (CSV, KML, GeoJSON) or lies (GCJ-02 traced over a web map). */
export const DECLARED_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export const DeclaredCrsSchema = Type.Union([Type.Literal('wgs84'), Type.Literal('cgcs2000'), Type.Literal('gcj02'), Type.Literal('bd09')]);

export const ImportQuery = Type.Object({
  layer: LayerNameSchema,
  format: ImportFormatSchema,
  crs: Type.Optional(DeclaredCrsSchema),
  name: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type ImportQuery = Type.Static<typeof ImportQuery>;

export const ImportIssue = Type.Object({
  /** Index of the feature in the uploaded file (0-based), null for the whole layer. */
  feature: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  rule: Type.String(),
  message: Type.String(),
  areaM2: Type.Optional(Type.Number()),
});
export type ImportIssue = Type.Static<typeof ImportIssue>;

export const ImportReport = Type.Object({
  layer: LayerNameSchema,
  sourceName: Type.String(),
  format: ImportFormatSchema,
  crs: Type.String(),
  notes: Type.Array(Type.String()),
  counts: Type.Object({
    features: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(),
    errors: Type.Integer(), warnings: Type.Integer(), repaired: Type.Integer(),
  }),
  /** Issues per rule, all of them (the lists below stop at a few hundred). */
  byRule: Type.Record(Type.String(), Type.Integer()),
  bbox: Type.Union([Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]), Type.Null()]),
  errors: Type.Array(ImportIssue),
  warnings: Type.Array(ImportIssue),
  repaired: Type.Array(ImportIssue),
});
export type ImportReport = Type.Static<typeof ImportReport>;

export const ImportJobState = Type.Union([Type.Literal('reading'), Type.Literal('checking'), Type.Literal('ready'), Type.Literal('failed'), Type.Literal('applying'), Type.Literal('applied'), Type.Literal('cancelled')]);
export const ImportJobView = Type.Object({
  id: Type.String(),
  layer: LayerNameSchema,
  sourceName: Type.String(),
  state: ImportJobState,
  /** 0..1 over the whole job; `phase` says which step. */
  progress: Type.Number(),
  phase: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.Number(),
  /** Why the file could not be read (state failed): status and reason. */
  failure: Type.Union([Type.Object({ statusCode: Type.Integer(), message: Type.String() }), Type.Null()]),
  report: Type.Union([ImportReport, Type.Null()]),
  /** The stored version it became (state applied). */
  version: Type.Union([Type.Integer(), Type.Null()]),
});
export type ImportJobView = Type.Static<typeof ImportJobView>;

export const LayerVersionView = Type.Object({
  layer: LayerNameSchema,
  version: Type.Integer(),
  createdAt: Type.Number(),
  createdBy: Type.String(),
  sourceName: Type.String(),
  featureCount: Type.Integer(),
  active: Type.Boolean(),
  counts: Type.Object({ errors: Type.Integer(), warnings: Type.Integer(), repaired: Type.Integer() }),
});
export type LayerVersionView = Type.Static<typeof LayerVersionView>;

export const LayerHistory = Type.Object({
  layer: LayerNameSchema,
  /** The version in use; 0 = the committed file (data/*.geojson). */
  active: Type.Integer(),
  versions: Type.Array(LayerVersionView),
});
export type LayerHistory = Type.Static<typeof LayerHistory>;

/** The version in use of every layer (0 = the committed file). */
export const LayerVersions = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));
export type LayerVersions = Type.Static<typeof LayerVersions>;

/** Socket broadcast after a layer was replaced or an import undone: refetch that layer. */
export const LayersChanged = Type.Object({
  layer: LayerNameSchema,
  /** 0 = the committed file again. */
  version: Type.Integer({ minimum: 0 }),
});
export type LayersChanged = Type.Static<typeof LayersChanged>;
