// Socket payloads are checked like HTTP bodies: types do not validate, and text with NUL characters
// is refused here as on every HTTP route.
import Compile from 'typebox/compile';
import type { TSchema, Static } from 'typebox';
import { DomainError } from '../domain-error.ts';
import { refusal } from '../http/strict-input.ts';

export function payloadValidator<T extends TSchema>(schema: T): (value: unknown) => Static<T> {
  const v = Compile(schema);
  return (value) => {
    if (v.Check(value)) {
      const why = refusal(value);
      if (why) throw new DomainError('bad_request', `invalid payload: ${why.message}`);
      return value as Static<T>;
    }
    const first = v.Errors(value)[0];
    const where = first ? `${first.instancePath || '/'} ${first.message}` : 'invalid';
    throw new DomainError('bad_request', `invalid payload: ${where}`);
  };
}
