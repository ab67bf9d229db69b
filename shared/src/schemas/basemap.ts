// The basemap under the wall's own layers, as the server's configuration chose it and the client
// draws it. `none` (the default) draws nothing that loads from anywhere; `pmtiles` reads one archive
// from this server with HTTP range requests; `xyz` and `tianditu` load tiles from other hosts,
// which the operator chose explicitly.
import Type from 'typebox';

export const TileFormat = Type.Union([Type.Literal('raster'), Type.Literal('vector')]);
export type TileFormat = Type.Static<typeof TileFormat>;

export const Basemap = Type.Union([
  Type.Object({ kind: Type.Literal('none') }),
  Type.Object({
    kind: Type.Literal('pmtiles'),
    /** Path of the archive on this server. */
    path: Type.String(),
    format: TileFormat,
    minZoom: Type.Integer({ minimum: 0, maximum: 30 }),
    maxZoom: Type.Integer({ minimum: 0, maximum: 30 }),
    attribution: Type.String(),
  }),
  Type.Object({
    kind: Type.Literal('xyz'),
    /** URL template with {z}, {x} and {y}. */
    tiles: Type.String(),
    format: TileFormat,
    maxZoom: Type.Integer({ minimum: 0, maximum: 30 }),
    attribution: Type.String(),
  }),
  Type.Object({
    kind: Type.Literal('tianditu'),
    /** One URL template per layer, bottom first: the image layer, then its annotation layer. */
    layers: Type.Array(Type.Object({ id: Type.String(), tiles: Type.Array(Type.String()) })),
    maxZoom: Type.Integer({ minimum: 0, maximum: 30 }),
    attribution: Type.String(),
  }),
]);
export type Basemap = Type.Static<typeof Basemap>;
