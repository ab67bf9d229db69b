import { describe, expect, it } from 'vitest';
import { escapeXmlText, toXmlDocument } from './xml.ts';

describe('toXmlDocument', () => {
  it('writes the spec\'s list shape: plural element, one singular child per item, null as an empty element', () => {
    const xml = toXmlDocument('service_requests', [{ service_request_id: 'AJ20261127-00001', service_notice: 'ok', account_id: null }]);
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>AJ20261127-00001</service_request_id><service_notice>ok</service_notice><account_id/></request></service_requests>\n');
  });

  it('nests lists inside objects (attributes → attribute → values → value) and writes numbers and booleans as text', () => {
    const xml = toXmlDocument('service_definition', { service_code: 'x', attributes: [{ variable: true, order: 1, values: [{ key: 'a', name: 'A' }] }] });
    expect(xml).toContain('<attributes><attribute><variable>true</variable><order>1</order><values><value><key>a</key><name>A</name></value></values></attribute></attributes>');
  });

  it('escapes markup and drops characters XML cannot carry, so any text stays well-formed', () => {
    expect(escapeXmlText('a < b && c > d </description><x>')).toBe('a &lt; b &amp;&amp; c &gt; d &lt;/description&gt;&lt;x&gt;');
    expect(escapeXmlText('bell\u0007 nul\u0000 lone\uD800 keep\t\n\r 中文 😀')).toBe('bell nul lone keep\t\n\r 中文 😀');
  });

  it('refuses a list it has no item name for and an invalid element name (programming errors, not input)', () => {
    expect(() => toXmlDocument('things', [1])).toThrow(/item element/);
    expect(() => toXmlDocument('a b', 'x')).toThrow(/element name/);
  });
});
