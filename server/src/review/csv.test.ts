import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('starts with a BOM, ends lines with CRLF and writes numbers and nulls plainly', () => {
    const csv = toCsv(['街道', '案件数', '按期率'], [['人民街街道', 12, 0.75], ['东风街道', 0, null]]);
    expect(csv).toBe('\uFEFF街道,案件数,按期率\r\n人民街街道,12,0.75\r\n东风街道,0,\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"马上整改"')).toBe('"他说""马上整改"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField('plain')).toBe('plain');
  });

  it('defuses text Excel would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+86 123')).toBe("'+86 123");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(Number.NaN)).toBe('');
  });
});
