// Turns a valid JSON body (or query) into one that is certainly invalid, in one of many ways: a field
// given a value its schema or the domain refuses, NUL characters, wrong shapes, absurd nesting, text
// that is not UTF-8 or not JSON, prototype-pollution keys, a wrong content type, an oversized body.
// Free-text fields get injection strings on top, which are valid text and must simply be kept.
import type { SeededRandom } from './seeded-random.ts';
import { BAD_UTF8, INJECTION, NON_JSON_NUMBERS, WITH_NUL, WRONG_SHAPES, nested } from './hostile-values.ts';

export interface BodySpec {
  /** A body the route accepts. */
  base: () => Record<string, unknown>;
  /** Per field, values that make the request fail on their own (schema or domain check). */
  invalid: Record<string, readonly unknown[]>;
  /** Free-text fields where an injection string is valid content. */
  text?: readonly string[];
  /** Numeric fields, where a non-JSON number literal can be put. */
  numeric?: readonly string[];
  /** The schema refuses unknown properties. */
  closed: boolean;
}

export interface HostileBody {
  /** Which way it was broken, for the tally. */
  how: string;
  contentType: string;
  payload: string | Buffer;
}

const BODY_LIMIT = 1024 * 1024;

function decorate(rng: SeededRandom, spec: BodySpec, body: Record<string, unknown>): void {
  for (const f of spec.text ?? []) if (rng.chance(0.5)) body[f] = rng.pick(INJECTION);
}

export function hostileBody(rng: SeededRandom, spec: BodySpec, oversizedShare = 0.01): HostileBody {
  const body = spec.base();
  decorate(rng, spec, body);
  const fields = Object.keys(spec.invalid);
  const json = (how: string, b: unknown = body): HostileBody => ({ how, contentType: 'application/json', payload: JSON.stringify(b) });
  if (rng.chance(oversizedShare)) return json('oversized', { ...body, pad: 'x'.repeat(BODY_LIMIT + 1024) });

  const kinds = ['field', 'field', 'field', 'nul', 'shape', 'deep', 'bad-utf8', 'truncated', 'not-json-number', 'proto',
    'constructor', 'content-type', 'not-an-object', 'empty', ...(spec.closed ? ['unknown-key'] : [])];
  const kind = rng.pick(kinds);
  switch (kind) {
    case 'field': {
      for (let n = rng.int(1, 2); n > 0; n--) {
        const f = rng.pick(fields);
        body[f] = rng.pick(spec.invalid[f]!);
      }
      return json(kind);
    }
    case 'nul':
      body[rng.pick([...fields, ...(spec.text ?? [])])] = rng.pick(WITH_NUL);
      return json(kind);
    case 'shape':
      body[rng.pick(fields)] = rng.pick(WRONG_SHAPES);
      return json(kind);
    case 'deep':
      body[rng.pick(fields)] = nested('x', rng.int(70, 3000));
      return json(kind);
    case 'unknown-key':
      body[rng.pick(['isAdmin', 'role', 'id', 'seq', 'version', '$where', 'password_hash'])] = rng.pick(INJECTION);
      return json(kind);
    case 'bad-utf8': {
      body[rng.pick([...fields, ...(spec.text ?? [])])] = '@@BAD@@';
      const [before, after] = JSON.stringify(body).split('@@BAD@@') as [string, string];
      return { how: kind, contentType: 'application/json', payload: Buffer.concat([Buffer.from(before), Buffer.from(rng.pick(BAD_UTF8)), Buffer.from(after)]) };
    }
    case 'truncated': {
      const text = JSON.stringify(body);
      return { how: kind, contentType: 'application/json', payload: text.slice(0, rng.int(1, text.length - 1)) };
    }
    case 'not-json-number': {
      const f = rng.pick(spec.numeric?.length ? spec.numeric : fields);
      body[f] = '@@NUM@@';
      return { how: kind, contentType: 'application/json', payload: JSON.stringify(body).replace('"@@NUM@@"', rng.pick(NON_JSON_NUMBERS)) };
    }
    case 'proto':
      return { how: kind, contentType: 'application/json', payload: `{"__proto__":{"isAdmin":true},${JSON.stringify(body).slice(1)}` };
    case 'constructor':
      return { how: kind, contentType: 'application/json', payload: `{"constructor":{"prototype":{"isAdmin":true}},${JSON.stringify(body).slice(1)}` };
    case 'content-type':
      return { how: kind, contentType: rng.pick(['application/xml', 'application/x-msgpack', 'image/png', 'text/html']), payload: JSON.stringify(body) };
    case 'not-an-object':
      return { how: kind, contentType: 'application/json', payload: rng.pick(['[]', '"text"', '42', 'null', 'true', '[{"a":1}]']) };
    default:
      return { how: 'empty', contentType: 'application/json', payload: '' };
  }
}

export interface QuerySpec {
  /** Parameters the route accepts. */
  base: () => Record<string, string>;
  /** Per parameter, raw (already URL-encoded) values that make the request fail on their own. */
  invalid: Record<string, readonly string[]>;
  /** The schema refuses unknown parameters. */
  closed: boolean;
}

const enc = encodeURIComponent;

/** A query string that is certainly invalid: a broken parameter replaces the valid one (parsers
 *  that read the first of repeated values must not see a good one first). */
export function hostileQuery(rng: SeededRandom, spec: QuerySpec): { how: string; query: string } {
  const params = new Map(Object.entries(spec.base()).map(([k, v]) => [enc(k), [enc(v)]]));
  const names = Object.keys(spec.invalid);
  const kind = rng.pick(['field', 'field', 'nul', 'repeated', ...(spec.closed ? ['unknown'] : [])]);
  const name = rng.pick(names);
  if (kind === 'field') params.set(enc(name), [rng.pick(spec.invalid[name]!)]);
  else if (kind === 'nul') params.set(enc(name), [enc(rng.pick(WITH_NUL))]);
  else if (kind === 'repeated') params.set(enc(name), [rng.pick(spec.invalid[name]!), rng.pick(spec.invalid[name]!)]);
  else params.set(enc(rng.pick(['admin', 'debug', 'sql', '__proto__'])), [enc(rng.pick(INJECTION))]);
  return { how: kind, query: [...params].flatMap(([k, values]) => values.map((v) => `${k}=${v}`)).join('&') };
}
