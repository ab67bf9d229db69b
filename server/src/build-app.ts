import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { type AppOptions } from './app.ts';

/** A ready-to-listen instance of the app, as server.ts and the tests build it. */
export async function buildApp(opts: AppOptions, logger: boolean | object = { level: opts.config.logLevel }): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // The JSON parser refuses __proto__ and constructor keys rather than letting them through.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Not encapsulated: the services the app decorates are visible to server.ts and the tests.
  await fastify.register(fp(app, { name: 'app' }), opts);
  return fastify as unknown as FastifyInstance;
}
