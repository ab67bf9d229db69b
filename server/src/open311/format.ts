// GeoReport answers in the format the URL names (.json or .xml), errors included, in the spec's shapes:
// JSON [{"code":400,"description":"…"}], XML <errors><error><code>400</code>…</error></errors>.
import { toXmlDocument, type XmlValue } from './xml.ts';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The codes the spec names: 400, 403 (api_key) and 404. */
export type Open311Status = 400 | 403 | 404;

/** A request GeoReport refuses, answered in the spec's error format with `status`. */
export class Open311Error extends Error {
  constructor(readonly status: Open311Status, description: string) {
    super(description);
  }
}

export interface Rendered {
  contentType: string;
  body: string;
}

export function render(format: Format, root: string, value: XmlValue): Rendered {
  return { contentType: CONTENT_TYPE[format], body: format === 'xml' ? toXmlDocument(root, value) : JSON.stringify(value) };
}

export function renderErrors(format: Format, errors: readonly { code: number; description: string }[]): Rendered {
  return render(format, 'errors', errors.map((e) => ({ code: e.code, description: e.description })));
}

/** The format a URL asks for; JSON when it names none (e.g. an unknown path). */
export function formatOfUrl(url: string): Format {
  const path = url.split('?', 1)[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}
