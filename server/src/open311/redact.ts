// Public GeoReport answers carry a request's description. People type their phone number or e-mail
// into it anyway, and a hotline operator may transcribe a caller's; those are masked before it leaves.

const MASK = '[已隐去]';
const PATTERNS: readonly RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, // e-mail
  /(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g, // 18-digit resident ID number
  /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, // mobile, 11 digits, optionally +86 and grouped
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[-\s]?\d{7,8}(?!\d)/g, // landline with area code
];

export function redactContacts(text: string): string {
  return PATTERNS.reduce((t, re) => t.replace(re, MASK), text);
}
