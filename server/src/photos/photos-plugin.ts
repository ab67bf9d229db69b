// The photo store as an app service: decorated as `app.photos` for the photo routes and the demo
// simulator. With PostgreSQL, metadata and bytes live in the store (every node serves every photo);
// on one machine, metadata in <DATA_DIR>/photos/photos.db, files under <DATA_DIR>/photos/<yyyy>/<mm>/.
import fp from 'fastify-plugin';
import { join } from 'node:path';
import { PhotoStore, DEFAULT_PHOTO_MAX_BYTES } from './photo-store.ts';
import { sqlitePhotosRepo } from './sqlite-photo-repo.ts';
import { fileBlobStore } from './blob-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    photos: PhotoStore;
  }
}

export interface PhotosPluginOptions {
  dataDir: string;
  /** Largest accepted photo in bytes (PHOTO_MAX_BYTES); 8 MiB when absent. */
  maxBytes?: number;
}

export default fp<PhotosPluginOptions>(async (app, opts) => {
  const root = join(opts.dataDir, 'photos');
  const shared = app.store.shared;
  const repo = shared?.photos ?? sqlitePhotosRepo(join(root, 'photos.db'));
  const blobs = shared?.photoBlobs ?? fileBlobStore(root);
  const photos = new PhotoStore({ blobs, repo, cases: app.cases, maxBytes: opts.maxBytes ?? DEFAULT_PHOTO_MAX_BYTES, log: app.log });
  app.decorate('photos', photos);
  app.addHook('onReady', async () => {
    const { kept, removed } = await photos.sweepUnattached();
    if (kept || removed) app.log.warn({ kept, removed }, 'resolved photos left unattached by an interrupted upload');
  });
  app.addHook('onClose', async () => repo.close());
}, { name: 'photos', dependencies: ['store', 'cases'] });
