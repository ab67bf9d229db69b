// The application as one plugin: external plumbing → app services → routes. It never listens;
// server.ts does, and tests build it and use inject or a free port.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppConfig } from './config.ts';
import type { Store } from './store/types.ts';
import { DomainError } from './domain-error.ts';
import { refuseHostileInput, useStrictJson } from './http/strict-input.ts';
import external from './plugins/external.ts';
import openapi from './plugins/openapi.ts';
import storePlugin from './plugins/store.ts';
import redisPlugin from './plugins/redis.ts';
import readiness from './plugins/readiness.ts';
import metricsPlugin from './plugins/metrics.ts';
import geoPlugin from './plugins/geo.ts';
import authPlugin from './plugins/auth.ts';
import livePlugin from './plugins/live.ts';
import casesPlugin from './plugins/cases.ts';
import realtimePlugin from './plugins/realtime.ts';
import simulatorPlugin from './plugins/simulator.ts';
import demoPatrols from './plugins/demo-patrols.ts';
import photosPlugin from './photos/photos-plugin.ts';
import open311Plugin from './open311/open311-plugin.ts';
import photoRoutes from './routes/photos.ts';
import open311Routes from './routes/open311.ts';
import reviewPlugin from './review/review-plugin.ts';
import reviewRoutes from './routes/review.ts';
import clientStatic from './plugins/client-static.ts';
import healthRoutes from './routes/health.ts';
import metricsRoutes from './routes/metrics.ts';
import authRoutes from './routes/auth.ts';
import configRoutes from './routes/config.ts';
import layerRoutes from './routes/layers.ts';
import basemapRoutes from './routes/basemap.ts';
import { basemapOrigins, clientBasemap } from './basemap/basemap-setting.ts';
import patrolRoutes from './routes/patrols.ts';
import patrolDirectoryRoutes from './routes/patrol-directory.ts';
import caseRoutes from './routes/cases.ts';
import adminRoutes from './routes/admin.ts';
import importsPlugin from './layer-import/imports-plugin.ts';
import importRoutes from './routes/imports.ts';
import exportRoutes from './routes/exports.ts';
import type { App } from './routes/types.ts';

/** Largest layer file an admin may upload (a zipped Shapefile of the whole-district grid is ~30 MB). */
const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export interface AppOptions {
  config: AppConfig;
  store?: Store;
}

export default async function app(fastify: FastifyInstance, opts: AppOptions) {
  const { config } = opts;
  const typed = fastify as unknown as App;

  fastify.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    if (err instanceof DomainError) {
      return reply.code(err.statusCode).send({ statusCode: err.statusCode, error: err.code, message: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
    }
    return reply.code(status).send({ statusCode: status, error: err.code ?? 'Bad Request', message: err.message });
  });

  // Every answer carries the id its log lines carry (build-app.ts takes a caller's x-request-id).
  fastify.addHook('onRequest', async (req, reply) => { reply.header('x-request-id', req.id); });
  useStrictJson(fastify);
  fastify.addHook('preValidation', refuseHostileInput);
  fastify.addHook('preHandler', refuseHostileInput);

  await fastify.register(external, { basemapOrigins: basemapOrigins(config.basemap) });
  await fastify.register(storePlugin, { dataDir: config.dataDir, databaseUrl: config.databaseUrl, store: opts.store });
  await fastify.register(redisPlugin, { url: config.redisUrl });
  await fastify.register(geoPlugin, { layersDir: config.layersDir });
  await fastify.register(authPlugin, { demo: config.demo, demoPassword: config.demoPassword, adminPassword: config.adminPassword });
  await fastify.register(openapi);
  await fastify.register(livePlugin, { registerUnknownDevices: config.registerUnknownDevices });
  if (config.demo) await fastify.register(demoPatrols, { demoPassword: config.demoPassword });
  await fastify.register(casesPlugin);
  await fastify.register(photosPlugin, { dataDir: config.dataDir, maxBytes: config.photoMaxBytes });
  await fastify.register(open311Plugin, { dataDir: config.dataDir, demo: config.demo });
  await fastify.register(reviewPlugin, { repo: fastify.store.review, onFix: (fn) => fastify.live.onFix(fn) });
  await fastify.register(readiness);
  await fastify.register(metricsPlugin);
  await fastify.register(realtimePlugin, { tickMs: config.tickMs, redisKeyPrefix: config.redisKeyPrefix });
  await fastify.register(importsPlugin);
  await fastify.register(simulatorPlugin, { count: config.simulate, casesPerHour: config.simulateCasesPerHour, tickMs: config.tickMs });

  await typed.register(healthRoutes);
  await typed.register(metricsRoutes);
  await typed.register(authRoutes, { loginRateMax: config.loginRateMax });
  await typed.register(configRoutes, { assessmentDate: config.assessmentDate, tickMs: config.tickMs, demo: config.demo, basemap: clientBasemap(config.basemap) });
  await typed.register(layerRoutes);
  if (config.basemap.kind === 'pmtiles') await typed.register(basemapRoutes, { file: config.basemap.file });
  await typed.register(patrolRoutes);
  await typed.register(patrolDirectoryRoutes);
  await typed.register(caseRoutes);
  await typed.register(photoRoutes);
  await typed.register(open311Routes, { demo: config.demo, postRateMax: config.open311RateMax });
  await typed.register(reviewRoutes);
  await typed.register(adminRoutes);
  await typed.register(importRoutes, { maxBytes: IMPORT_MAX_BYTES });
  await typed.register(exportRoutes);
  await fastify.register(clientStatic, { clientDist: config.clientDist });
}
