// The naive baseline, as most Socket.IO tutorials build it: every position report is re-emitted at
// once as a JSON object to every connected client. Same endpoints as the real server (OsmAnd GET on
// the device port, the JSON batch on the API port), no auth, no validation, no history. With
// GRID_FILE it also reads and parses that GeoJSON at start, as a tutorial loads its layers.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const devicePort = Number(process.env.OSMAND_PORT);
const host = '127.0.0.1';

const grid = process.env.GRID_FILE ? (JSON.parse(readFileSync(process.env.GRID_FILE, 'utf8')) as { features: unknown[] }) : null;

interface Report { id: string; lat: number; lon: number; time: number; speed: number; heading: number }

const api = createServer((req, res) => void route(req, res));
const io = new Server(api, { path: '/socket.io', serveClient: false });

function emit(r: Report): void {
  io.emit('position', r);
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' && req.url === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', cells: grid?.features.length ?? 0 }));
    return;
  }
  if (req.method === 'POST' && req.url === '/api/v1/positions/batch') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { positions } = JSON.parse(body) as { positions: { deviceId: string; lat: number; lon: number; time?: number; speed?: number; heading?: number }[] };
    const now = Date.now();
    for (const p of positions) emit({ id: p.deviceId, lat: p.lat, lon: p.lon, time: p.time ?? now, speed: p.speed ?? 0, heading: p.heading ?? 0 });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: positions.length, rejected: [] }));
    return;
  }
  res.writeHead(404).end();
}

const devices = createServer((req, res) => {
  const q = new URL(req.url ?? '/', 'http://device').searchParams;
  emit({ id: q.get('id') ?? '', lat: Number(q.get('lat')), lon: Number(q.get('lon')), time: Number(q.get('timestamp')) * 1000 || Date.now(), speed: Number(q.get('speed') ?? 0), heading: Number(q.get('bearing') ?? 0) });
  res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
});

api.listen(port, host);
devices.listen(devicePort, host);
const stop = () => {
  void io.close();
  devices.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
