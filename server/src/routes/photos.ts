import Type from 'typebox';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Case } from '@cw/shared/schemas/cases';
import { ErrorBody } from '@cw/shared/schemas/common';
import type { SessionUser } from '@cw/shared/schemas/auth';
import { DomainError } from '../domain-error.ts';
import { PHOTO_ID_PATTERN } from '../photos/photo-store.ts';
import { UnsupportedMediaTypeError } from '../photos/image-type.ts';
import type { App } from './types.ts';

const CaseParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const StageQuery = Type.Object({ stage: Type.Union([Type.Literal('before'), Type.Literal('after')]) }, { additionalProperties: false });
const PhotoParams = Type.Object({ photoId: Type.String({ pattern: PHOTO_ID_PATTERN }) });
const Errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody };
// Photo ids are never reused, so a browser may keep what it fetched; `private` keeps shared caches out.
const PHOTO_CACHE = 'private, max-age=31536000, immutable';

/** A patrol works only on cases assigned to it or that it reported; other roles see every case. */
function mayTouch(user: SessionUser, c: Case): boolean {
  if (user.role !== 'patrol') return true;
  return (c.patrolId !== null && c.patrolId === user.patrolId) || c.reporter === user.username;
}

export default async function photoRoutes(app: App) {
  // Registered in this scope only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: app.photos.maxBytes, files: 1, fields: 10, parts: 11 } });

  /** A form the multipart parser could not read (no boundary, cut short) is the client's fault: a
   *  400 naming the problem, not a 500. Errors that carry their own 4xx status keep it. */
  function unreadableForm(err: unknown): Error {
    if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
      return new DomainError('too_large', `the photo is larger than the ${app.photos.maxBytes}-byte limit`);
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof Error && status !== undefined && status >= 400 && status < 500) return err;
    return new DomainError('bad_request', `the multipart form could not be read: ${(err as Error).message}`);
  }

  async function readPhotoField(req: FastifyRequest): Promise<Buffer> {
    if (!req.isMultipart()) throw new UnsupportedMediaTypeError("send the photo as multipart/form-data with one file field named 'photo'");
    const part = await req.file().catch((err: unknown) => { throw unreadableForm(err); });
    if (!part) throw new DomainError('bad_request', "the form has no file: send one file field named 'photo'");
    if (part.fieldname !== 'photo') {
      part.file.resume();
      throw new DomainError('bad_request', `the file field must be named 'photo', not '${part.fieldname}'`);
    }
    try {
      return await part.toBuffer();
    } catch (err) {
      throw unreadableForm(err);
    }
  }

  app.post('/api/v1/cases/:id/photos', {
    onRequest: [app.authenticate, app.requireRole('dispatcher', 'admin', 'patrol')],
    schema: { params: CaseParams, querystring: StageQuery, response: { 201: Case, ...Errors } },
  }, async (req, reply) => {
    const c = await app.cases.get(req.params.id);
    if (!c) throw new DomainError('not_found', `no case ${req.params.id}`);
    if (!mayTouch(req.user!, c)) throw new DomainError('forbidden', `case ${c.id} is neither assigned to you nor reported by you`);
    const bytes = await readPhotoField(req);
    const saved = await app.photos.save(bytes, { caseId: c.id, stage: req.query.stage, by: req.user! });
    return reply.code(201).send(saved.case);
  });

  for (const variant of ['original', 'thumb'] as const) {
    const url = variant === 'original' ? '/api/v1/photos/:photoId' : '/api/v1/photos/:photoId/thumb';
    app.get(url, {
      onRequest: app.authenticate,
      // No response schema: the body is the image bytes; errors go through the app's error handler.
      schema: { params: PhotoParams },
    }, async (req, reply) => {
      const photo = await app.photos.get(req.params.photoId);
      const c = photo && (await app.cases.get(photo.caseId));
      if (!photo || !c) throw new DomainError('not_found', `no photo ${req.params.photoId}`);
      if (!mayTouch(req.user!, c)) throw new DomainError('forbidden', `photo ${photo.id} belongs to case ${c.id}, which is neither assigned to you nor reported by you`);
      const key = variant === 'original' ? photo.path : photo.thumbPath;
      const bytes = await app.photos.read(key);
      if (!bytes) {
        req.log.error({ photoId: photo.id, key }, 'photo bytes missing from the photo store');
        throw new DomainError('not_found', `the file of photo ${photo.id} is missing`);
      }
      return reply
        .type(variant === 'original' ? photo.mime : photo.thumbMime)
        .header('cache-control', PHOTO_CACHE)
        .send(bytes);
    });
  }
}
