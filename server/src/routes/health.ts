import { HealthBody } from '@cw/shared/schemas/common';
import type { App } from './types.ts';

export default async function healthRoutes(app: App) {
  app.get('/api/health', { schema: { response: { 200: HealthBody } } }, async () => ({ status: 'ok' as const }));
}
