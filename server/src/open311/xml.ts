// A tiny XML writer for GeoReport v2's schemaless documents. JSON and XML are the same tree (the
// spec's "Spark convention"): an object is an element with one child per key, a list is an element
// with one child per item named after it (services → service), null is an empty element.

export type XmlValue = string | number | boolean | null | readonly XmlValue[] | { readonly [key: string]: XmlValue };

/** The item element of each list the GeoReport documents use. */
const ITEM_NAME: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates, U+FFFE/F):
// dropped so that a stray byte in a citizen's description cannot make the document ill-formed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, value: XmlValue): string {
  // Element names come from this code, never from a request; a bad one is a programming error.
  if (!NAME.test(name)) throw new Error(`invalid XML element name '${name}'`);
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAME[name];
    if (!item) throw new Error(`no item element name for the list '${name}'`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

/** A complete UTF-8 document with `root` as its root element. */
export function toXmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
