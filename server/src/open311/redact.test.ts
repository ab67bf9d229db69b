import { describe, expect, it } from 'vitest';
import { redactContacts } from './redact.ts';

describe('redactContacts', () => {
  it('masks e-mail addresses, mobile and landline numbers and ID numbers', () => {
    expect(redactContacts('请联系 zhang.san@example.com 或 13812345678，谢谢')).toBe('请联系 [已隐去] 或 [已隐去]，谢谢');
    expect(redactContacts('电话 +86 138-1234-5678')).toBe('电话 [已隐去]');
    expect(redactContacts('座机 0396-2812345 或 (0396)2812345')).toBe('座机 [已隐去] 或 [已隐去]');
    expect(redactContacts('身份证 41170219900101123X')).toBe('身份证 [已隐去]');
  });

  it('leaves ordinary text, addresses, counts and case codes alone', () => {
    const text = '解放大道 128 号门前堆放垃圾 3 天，约 20 袋，见 AJ20261127-00042';
    expect(redactContacts(text)).toBe(text);
  });
});
