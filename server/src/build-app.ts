import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { type AppOptions } from './app.ts';

/** A caller's (or a proxy's) request id is kept if it is plain enough to put in a log line. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A ready-to-listen instance of the app, as server.ts and the tests build it. */
export async function buildApp(opts: AppOptions, logger: boolean | object = { level: opts.config.logLevel }): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // Loading a year of history into the review index can take longer than the 10 s default.
    pluginTimeout: 120_000,
    // The JSON parser refuses __proto__ and constructor keys rather than letting them through.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Not encapsulated: the services the app decorates are visible to server.ts and the tests.
  await fastify.register(fp(app, { name: 'app' }), opts);
  return fastify as unknown as FastifyInstance;
}
