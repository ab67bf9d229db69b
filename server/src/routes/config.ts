import Type from 'typebox';
import { DISTRICTS } from '@cw/shared/domain/places';
import { Basemap } from '@cw/shared/schemas/basemap';
import type { App } from './types.ts';

export const ClientConfig = Type.Object({
  assessmentDate: Type.Integer(),
  tickMs: Type.Integer(),
  center: Type.Tuple([Type.Number(), Type.Number()]),
  bbox: Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]),
  districts: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
  demo: Type.Boolean(),
  basemap: Basemap,
});

export default async function configRoutes(app: App, opts: { assessmentDate: number; tickMs: number; demo: boolean; basemap: Basemap }) {
  app.get('/api/v1/config', { onRequest: app.authenticate, schema: { response: { 200: ClientConfig } } }, async () => {
    const [w, s, e, n] = app.geo.locator.bbox;
    return {
      assessmentDate: opts.assessmentDate, tickMs: opts.tickMs,
      // The city centre, where the wall opens.
      center: [114.022, 32.98] as [number, number],
      bbox: [w, s, e, n] as [number, number, number, number],
      districts: DISTRICTS.map((d) => ({ ...d })), demo: opts.demo, basemap: opts.basemap,
    };
  });
}
