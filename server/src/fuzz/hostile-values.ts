// The raw material of hostile input: values of the wrong kind, injection strings, absurd numbers.
// Each list says what makes its values invalid, so generators can promise an input is malformed.

/** Text an attacker tries on every field: SQL, HTML/script, template, path and header injection. */
export const INJECTION = [
  "' OR '1'='1", "'; DROP TABLE cases; --", '" OR 1=1 --', "1; SELECT pg_sleep(5)--", "admin'--",
  "') UNION SELECT username, password_hash FROM users --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '../../../../etc/passwd', '..\\..\\windows\\win.ini',
  '%0d%0aSet-Cookie: x=1', '$where: 1', '{"$gt": ""}', '\u202e\u0644\u0627',
] as const;

/** Strings carrying a NUL character: refused everywhere (PostgreSQL cannot store them). */
export const WITH_NUL = ['\u0000', 'abc\u0000def', "x\u0000' OR 1=1", '路边\u0000垃圾', '\u0000'.repeat(64)] as const;

/** Numbers no coordinate, count or time may be (too large, negative, beyond a float). */
export const ABSURD_NUMBERS = [1e308, -1e308, 1e20, -1, -180.5, 9007199254740993, Number.MAX_VALUE, -Number.MAX_VALUE] as const;

/** Text where a number belongs that no coercion turns into one (a blank would become 0). */
export const NOT_NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e999', 'abc', '12abc', '0x1G', '一二三'] as const;

/** Values of the wrong shape for any scalar field (an object, a list of two, a nested list). */
export const WRONG_SHAPES: readonly unknown[] = [{}, { $gt: '' }, ['a', 'b'], [[1], [2]], { toString: 'x' }];

/** JSON-text fragments that are not JSON numbers. */
export const NON_JSON_NUMBERS = ['NaN', 'Infinity', '-Infinity', '+1', '0x10', '.5', '1.', '--1'] as const;

/** Byte sequences that are not UTF-8 (overlong, lone continuation, truncated, surrogate half). */
export const BAD_UTF8: readonly number[][] = [[0xff], [0xc0, 0xaf], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

export function longText(n: number): string {
  return '长'.repeat(n);
}

/** `value` inside `depth` levels of arrays and objects. */
export function nested(value: unknown, depth: number): unknown {
  let v = value;
  for (let k = 0; k < depth; k++) v = k % 2 ? [v] : { d: v };
  return v;
}
