// What every HTTP entry point refuses before a route sees it: bodies that are not valid UTF-8 (a
// lossy decode would store U+FFFD where the sender meant something else), NUL characters in any
// text (PostgreSQL cannot store them, and no legitimate field needs one), and numbers that are not
// finite (JSON.parse reads 1e999 as Infinity; no field means it). All are a 400.
import type { FastifyInstance, FastifyRequest } from 'fastify';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class BadInputError extends Error {
  readonly statusCode = 400;
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The text of `bytes`, or a BadInputError if they are not UTF-8. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BadInputError('invalid_utf8', 'the body is not valid UTF-8');
  }
}

/** Parsed values are walked iteratively, so even a maximally nested 1 MB body cannot overflow the stack. */
const MAX_DEPTH = 64;

/** Why `value` (a parsed body, query or params) is refused, or null. Keys count as text too. */
export function refusal(value: unknown): BadInputError | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return new BadInputError('nul_character', 'text may not contain NUL (\\u0000) characters');
      continue;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return new BadInputError('not_finite', 'numbers must be finite');
    if (v === null || typeof v !== 'object') continue;
    // A raw binary body (a layer file upload) is bytes, not parsed input: nothing to walk.
    if (ArrayBuffer.isView(v)) continue;
    if (depth >= MAX_DEPTH) return new BadInputError('too_deep', `the input is nested deeper than ${MAX_DEPTH} levels`);
    for (const [key, child] of Object.entries(v)) {
      if (key.includes('\u0000')) return new BadInputError('nul_character', 'names may not contain NUL (\\u0000) characters');
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** JSON bodies decoded strictly, then parsed by Fastify's own parser (which refuses __proto__). */
export function useStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = decodeUtf8(body as Buffer);
    } catch (err) {
      return done(err as Error, undefined);
    }
    parseJson(req, text, done);
  });
}

/** Refuses NUL characters, absurd nesting and non-finite numbers in the query, the path parameters
 *  and the body. Run before validation, and again after it: Ajv's type coercion turns the strings
 *  "Infinity" and "1e999" into numbers that pass an integer schema's range. */
export async function refuseHostileInput(req: FastifyRequest): Promise<void> {
  const why = refusal(req.query) ?? refusal(req.params) ?? refusal(req.body);
  if (why) throw why;
}
