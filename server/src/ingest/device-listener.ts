// The device port (OSMAND_PORT): what phones running Traccar Client or OsmAnd talk to. No login —
// devices are known by id — so it is its own small server, apart from the user-facing API, and a
// plain node:http handler: one fix per request makes routing and hooks most of the cost, and this
// port has one route. device-request.ts reads the request; this file does the I/O.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { InjectOptions, Response as InjectResponse } from 'light-my-request';
import { DEVICE_BODY_LIMIT, readDeviceRequest, type DeviceRequestResult } from './device-request.ts';
import type { PositionIngest } from './position-ingest.ts';

const TEXT = 'text/plain; charset=utf-8';

export class DeviceListener {
  readonly server: Server;

  constructor(private readonly ingest: PositionIngest, private readonly log: (err: unknown) => void = (err) => console.error(err)) {
    this.server = createServer({ keepAliveTimeout: 72_000 }, this.handle);
  }

  listen(opts: { port: number; host: string }): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(opts.port, opts.host, () => { this.server.off('error', reject); resolve(); });
    });
  }

  /** Stops accepting, lets requests in flight finish (their fixes are applied) and closes idle keep-alive connections. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A request without a socket, for tests (as Fastify's `inject`). */
  async inject(opts: InjectOptions | string): Promise<InjectResponse> {
    const { inject } = await import('light-my-request');
    return inject(this.handle, opts);
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody) {
      this.answer(res, readDeviceRequest(method, req.url ?? '/', req.headers['content-type'], null, Date.now()));
      return;
    }
    if (length !== undefined && Number(length) > DEVICE_BODY_LIMIT) {
      this.tooLarge(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > DEVICE_BODY_LIMIT) { refused = true; this.tooLarge(req, res); return; }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      this.answer(res, readDeviceRequest(method, req.url ?? '/', req.headers['content-type'], Buffer.concat(chunks, size), Date.now()));
    });
    req.on('error', () => { refused = true; });
  };

  private answer(res: ServerResponse, read: DeviceRequestResult): void {
    try {
      if (!read.ok) return send(res, read.status, read.reason);
      const known = this.ingest.acceptKnown(read.report);
      if (known) return send(res, known.ok ? 200 : 400, known.ok ? 'OK' : known.reason);
      // An unknown device: registered first (a durable write), then its fix applied.
      this.ingest.accept(read.report).then(
        (r) => send(res, r.ok ? 200 : 400, r.ok ? 'OK' : r.reason),
        (err: unknown) => { this.log(err); send(res, 500, 'could not register the device'); },
      );
    } catch (err) {
      this.log(err);
      send(res, 500, 'internal error');
    }
  }

  private tooLarge(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('connection', 'close');
    send(res, 413, `the body is larger than ${DEVICE_BODY_LIMIT} bytes`);
    req.resume();
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': TEXT, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function buildDeviceListener(ingest: PositionIngest, log?: (err: unknown) => void): DeviceListener {
  return new DeviceListener(ingest, log);
}
