// OpenAPI 3.1 for the REST API, generated from the same TypeBox schemas the routes validate with, and
// Swagger UI from its bundled files (no request leaves the machine) at /api/docs. The description is
// public; the routes it describes still ask for a login. Registered before any route, as
// @fastify/swagger learns routes as they are added.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';

const TAGS: readonly [prefix: string, tag: string][] = [
  ['/api/v1/auth', 'auth'], ['/api/v1/cases', 'cases'], ['/api/v1/photos', 'photos'], ['/api/v1/patrols', 'patrols'],
  ['/api/v1/positions', 'patrols'], ['/api/v1/admin', 'admin'], ['/api/v1/taxonomy', 'admin'], ['/api/v1/layers', 'map'],
  ['/api/v1/tiles', 'map'], ['/api/v1/config', 'map'], ['/open311', 'open311'], ['/api/health', 'operations'],
  ['/api/ready', 'operations'], ['/metrics', 'operations'],
];

export default fp(async (app) => {
  const needsLogin = (route: RouteOptions) => {
    const hooks = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    return hooks.includes(app.authenticate);
  };
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '创文指挥中心 API',
        version: '1',
        description: 'REST API of the civilized-city command center. Live positions and case events travel over Socket.IO '
          + '(contract: shared/src/realtime/events.ts); devices report on the separate OsmAnd port.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'the token from POST /api/v1/auth/login' },
          session: { type: 'apiKey', in: 'cookie', name: 'cw_session' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const tag = TAGS.find(([prefix]) => url.startsWith(prefix))?.[1];
      const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
      const extra = { ...(tag ? { tags: [tag] } : {}), ...(needsLogin(route) ? { security } : {}) };
      return { url, schema: { ...schema, ...extra } };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The package's own policy would send img requests to validator.swagger.io and upgrade plain-HTTP
    // requests to HTTPS, which breaks a closed network served over HTTP. Same origin only.
    staticCSP: true,
    transformStaticCSP: (csp) => csp.replace(' validator.swagger.io', '').replace(/ https:/g, '').replace(' upgrade-insecure-requests;', ''),
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}, { name: 'openapi', dependencies: ['auth'] });
