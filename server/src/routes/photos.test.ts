import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Case } from '@cw/shared/schemas/cases';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';
import { hashPassword } from '../auth/password.ts';
import { renderPlaceholderPng } from '../photos/placeholder-png.ts';

const BOUNDARY = '----cw-test-boundary';

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
function multipart(bytes: Buffer, opts: { field?: string; filename?: string; type?: string } = {}) {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${opts.field ?? 'photo'}"; filename="${opts.filename ?? 'photo.jpg'}"\r\nContent-Type: ${opts.type ?? 'image/jpeg'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#4a8' } });

describe('case photos API', () => {
  let t: TestApp;
  let dispatcher: string;
  let patrol: string;
  let dispatchersCase: Case;
  let patrolsCase: Case;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (caseId: string, token: string | null, body: ReturnType<typeof multipart>, stage = 'before') =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/photos?stage=${stage}`, payload: body.payload, headers: { ...body.headers, ...(token ? auth(token) : {}) } });
  const createCase = async (token: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: auth(token), payload: { category: 'street_dirty', lon: 114.022, lat: 32.98, description: '路面有垃圾' } });
    expect(res.statusCode).toBe(201);
    return res.json() as Case;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.store.users.upsert({ username: 'photo-patrol', role: 'patrol', passwordHash: await hashPassword('x'), patrolId: 'P00001', createdAt: Date.now(), disabled: false });
    dispatcher = await t.login('dispatcher');
    patrol = await t.login('photo-patrol', 'x');
    dispatchersCase = await createCase(dispatcher);
    patrolsCase = await createCase(patrol);
  });
  afterAll(async () => { await t.close(); });

  it('takes a JPEG, a PNG and a WebP, answering 201 with the case listing each', async () => {
    const files = [
      multipart(await image(1200, 900).jpeg().toBuffer()),
      multipart(renderPlaceholderPng(50, 40, [200, 30, 30]), { filename: 'x.png', type: 'image/png' }),
      multipart(await image(300, 600).webp().toBuffer(), { filename: 'x.webp', type: 'image/webp' }),
    ];
    for (const [i, file] of files.entries()) {
      const res = await upload(dispatchersCase.id, dispatcher, file, i === 2 ? 'after' : 'before');
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json() as Case;
      expect(c.id).toBe(dispatchersCase.id);
      expect(c.photos).toHaveLength(i + 1);
      expect(c.photos[i]).toMatchObject({ stage: i === 2 ? 'after' : 'before', by: 'dispatcher', id: expect.stringMatching(/^ph_/) });
    }
    const stored = (await t.app.inject({ url: `/api/v1/cases/${dispatchersCase.id}`, headers: auth(dispatcher) })).json() as Case;
    expect(stored.photos.map((p) => p.stage)).toEqual(['before', 'before', 'after']);
  });

  it('serves the original and a ≤320 px thumbnail with the right type, privately cached, to another role', async () => {
    const body = multipart(await image(1000, 750).jpeg().toBuffer());
    const c = (await upload(dispatchersCase.id, dispatcher, body)).json() as Case;
    const photoId = c.photos.at(-1)!.id;
    const leader = await t.login('leader');

    const original = await t.app.inject({ url: `/api/v1/photos/${photoId}`, headers: auth(leader) });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['cache-control']).toMatch(/^private/);
    expect(original.rawPayload.equals(body.payload.subarray(body.payload.indexOf('\r\n\r\n') + 4, -(`\r\n--${BOUNDARY}--\r\n`.length)))).toBe(true);

    const thumb = await t.app.inject({ url: `/api/v1/photos/${photoId}/thumb`, headers: auth(await t.login('wall')) });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toMatch(/^private/);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
    expect([meta.width, meta.height]).toEqual([320, 240]);
  });

  it('refuses a text file renamed .jpg with 415, naming the accepted types', async () => {
    const res = await upload(dispatchersCase.id, dispatcher, multipart(Buffer.from('this is not a photo, whatever the name says'), { filename: 'evil.jpg' }));
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/JPEG, PNG and WebP/);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${dispatchersCase.id}/photos?stage=before`, headers: auth(dispatcher), payload: { photo: 'x' } });
    expect(res.statusCode).toBe(415);
  });

  it('accepts a real phone-sized photo, bigger than the app\'s 1 MB limit for other bodies', async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 95 }).toBuffer();
    expect(jpeg.length).toBeGreaterThan(1024 * 1024);
    const res = await upload(dispatchersCase.id, dispatcher, multipart(jpeg));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a photo over the size limit with 413', async () => {
    const jpeg = await image(10, 10).jpeg().toBuffer();
    const huge = Buffer.concat([jpeg, Buffer.alloc(t.app.photos.maxBytes)]);
    const res = await upload(dispatchersCase.id, dispatcher, multipart(huge));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/limit/);
  });

  it('refuses an empty file, a wrong field name, a missing or bad stage with 400', async () => {
    expect((await upload(dispatchersCase.id, dispatcher, multipart(Buffer.alloc(0)))).statusCode).toBe(400);
    const png = renderPlaceholderPng(8, 8, [0, 0, 0]);
    const wrongField = await upload(dispatchersCase.id, dispatcher, multipart(png, { field: 'file' }));
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().message).toMatch(/'photo'/);
    const noStage = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${dispatchersCase.id}/photos`, headers: { ...multipart(png).headers, ...auth(dispatcher) }, payload: multipart(png).payload });
    expect(noStage.statusCode).toBe(400);
    expect((await upload(dispatchersCase.id, dispatcher, multipart(png), 'during')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown case and for unknown photo ids', async () => {
    expect((await upload('AJ20200101-99999', dispatcher, multipart(renderPlaceholderPng(8, 8, [0, 0, 0])))).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/photos/ph_AAAAAAAAAAAAAAAAAAAAAA', headers: auth(dispatcher) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/photos/ph_AAAAAAAAAAAAAAAAAAAAAA/thumb', headers: auth(dispatcher) })).statusCode).toBe(404);
    // Not a photo id at all, e.g. an attempt to walk the file system.
    expect((await t.app.inject({ url: '/api/v1/photos/..%2F..%2Fphotos.db', headers: auth(dispatcher) })).statusCode).toBe(400);
  });

  it('lets a patrol add photos to the case it reported, but not to another case (403), nor see its photos', async () => {
    const png = renderPlaceholderPng(16, 16, [10, 120, 200]);
    const own = await upload(patrolsCase.id, patrol, multipart(png, { type: 'image/png' }));
    expect(own.statusCode, own.body).toBe(201);
    const ownPhoto = (own.json() as Case).photos[0]!.id;
    expect((await t.app.inject({ url: `/api/v1/photos/${ownPhoto}`, headers: auth(patrol) })).statusCode).toBe(200);

    const other = await upload(dispatchersCase.id, patrol, multipart(png, { type: 'image/png' }));
    expect(other.statusCode).toBe(403);
    const othersPhoto = ((await t.app.inject({ url: `/api/v1/cases/${dispatchersCase.id}`, headers: auth(dispatcher) })).json() as Case).photos[0]!.id;
    expect((await t.app.inject({ url: `/api/v1/photos/${othersPhoto}`, headers: auth(patrol) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/photos/${othersPhoto}/thumb`, headers: auth(patrol) })).statusCode).toBe(403);
  });

  it('lets a patrol add the after-photo to a case dispatched to it', async () => {
    const c = await createCase(dispatcher);
    for (const command of [{ action: 'register' }, { action: 'dispatch', patrolId: 'P-DEMO-1', unit: 'cgj' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/transitions`, headers: auth(dispatcher), payload: command });
      expect(res.statusCode, res.body).toBe(200);
    }
    const patrol1 = await t.login('patrol1');
    const res = await upload(c.id, patrol1, multipart(renderPlaceholderPng(8, 8, [0, 90, 0]), { type: 'image/png' }), 'after');
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Case).photos).toEqual([expect.objectContaining({ stage: 'after', by: 'patrol1' })]);
    expect((await upload(patrolsCase.id, patrol1, multipart(renderPlaceholderPng(8, 8, [0, 90, 0])))).statusCode).toBe(403);
  });

  it('refuses uploads and downloads without a login (401) and uploads by read-only roles (403)', async () => {
    const png = renderPlaceholderPng(8, 8, [0, 0, 0]);
    expect((await upload(dispatchersCase.id, null, multipart(png))).statusCode).toBe(401);
    const photoId = ((await t.app.inject({ url: `/api/v1/cases/${dispatchersCase.id}`, headers: auth(dispatcher) })).json() as Case).photos[0]!.id;
    expect((await t.app.inject({ url: `/api/v1/photos/${photoId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/photos/${photoId}/thumb` })).statusCode).toBe(401);
    expect((await upload(dispatchersCase.id, await t.login('leader'), multipart(png))).statusCode).toBe(403);
  });

  it('gives the simulator savePhoto: a generated PNG stored, attached and served like any photo', async () => {
    const photo = await t.app.photos.savePhoto(renderPlaceholderPng(640, 480, [180, 180, 180]), {
      caseId: dispatchersCase.id, stage: 'before', by: { username: '巡查上报', role: 'dispatcher' }, simulated: true,
    });
    expect((await t.app.photos.get(photo.id))?.simulated).toBe(true);
    const c = (await t.app.inject({ url: `/api/v1/cases/${dispatchersCase.id}`, headers: auth(dispatcher) })).json() as Case;
    expect(c.photos.at(-1)).toEqual(photo);
    const thumb = await t.app.inject({ url: `/api/v1/photos/${photo.id}/thumb`, headers: auth(dispatcher) });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
  });
});

describe('case photos across a restart', () => {
  it('still serves a photo and its thumbnail after the server restarts on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-photos-restart-'));
    try {
      const first = await buildTestApp({}, dir);
      const token = await first.login('dispatcher');
      const created = (await first.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` }, payload: { category: 'greening', lon: 114.022, lat: 32.98 } })).json() as Case;
      const body = multipart(renderPlaceholderPng(400, 200, [30, 160, 60]), { type: 'image/png' });
      const up = await first.app.inject({ method: 'POST', url: `/api/v1/cases/${created.id}/photos?stage=before`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
      expect(up.statusCode, up.body).toBe(201);
      const photoId = (up.json() as Case).photos[0]!.id;
      await first.close();

      const second = await buildTestApp({}, dir);
      try {
        const again = await second.login('dispatcher');
        const original = await second.app.inject({ url: `/api/v1/photos/${photoId}`, headers: { authorization: `Bearer ${again}` } });
        expect([original.statusCode, original.headers['content-type']]).toEqual([200, 'image/png']);
        const thumb = await second.app.inject({ url: `/api/v1/photos/${photoId}/thumb`, headers: { authorization: `Bearer ${again}` } });
        expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
