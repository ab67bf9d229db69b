import { describe, expect, it } from 'vitest';
import { Open311Error } from './format.ts';
import { contactNote, parseFormBody, parseServiceRequest } from './request-input.ts';

const base = { service_code: 'street_dirty', lat: '32.98', long: '114.022' };

function refusal(body: Record<string, unknown>): { status: number; description: string } {
  try {
    parseServiceRequest(body);
  } catch (err) {
    if (err instanceof Open311Error) return { status: err.status, description: err.message };
    throw err;
  }
  throw new Error('accepted');
}

describe('parseServiceRequest', () => {
  it('reads the spec\'s example POST (adapted to our codes and city) from its form encoding', () => {
    const body = parseFormBody('api_key=xyz&jurisdiction_id=city.gov&service_code=street_dirty&lat=32.98&long=114.022&address_string=%E8%A7%A3%E6%94%BE%E5%A4%A7%E9%81%93+128%E5%8F%B7&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[PRIORITY]=high');
    expect(parseServiceRequest(body)).toEqual({
      serviceCode: 'street_dirty', lat: 32.98, long: 114.022, addressString: '解放大道 128号',
      description: 'A large sinkhole is destroying the street', priority: 'high',
      contact: {
        firstName: 'john', lastName: 'smith', email: 'smit333@sfgov.edu', phone: '111111111',
        deviceId: 'tt222111', accountId: '123456', mediaUrl: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      },
    });
  });

  it('reads JSON too: numbers for coordinates, attribute as an object', () => {
    const input = parseServiceRequest({ service_code: 'noise', lat: 32.98, long: 114.022, attribute: { PRIORITY: 'urgent' } });
    expect(input).toMatchObject({ serviceCode: 'noise', lat: 32.98, long: 114.022, priority: 'urgent', description: '', addressString: null });
  });

  it('treats empty optional fields as absent, as the spec says', () => {
    expect(parseServiceRequest({ ...base, description: '', email: '', 'attribute[PRIORITY]': '' })).toMatchObject({ description: '', priority: null, contact: { email: null } });
  });

  it('answers 400 when service_code is missing and 404 when it is not a service', () => {
    expect(refusal({ lat: '32.98', long: '114.022' })).toEqual({ status: 400, description: 'service_code was not provided' });
    expect(refusal({ ...base, service_code: 'pothole' })).toMatchObject({ status: 404, description: expect.stringContaining("'pothole' was not found") });
  });

  it('needs lat and long: an address alone, one of the two, NaN, hex or out-of-range values are 400', () => {
    expect(refusal({ service_code: 'street_dirty', address_string: '解放大道' })).toMatchObject({ status: 400, description: expect.stringMatching(/send both lat and long/) });
    expect(refusal({ service_code: 'street_dirty', lat: '32.98' })).toMatchObject({ status: 400, description: expect.stringMatching(/only one of lat and long/) });
    for (const [lat, long] of [['NaN', '114'], ['32.9', 'Infinity'], ['91', '114'], ['32.9', '-180.5'], ['0x20', '114'], ['32,9', '114'], ['', '114']]) {
      expect(refusal({ service_code: 'street_dirty', lat, long }).status, `${lat},${long}`).toBe(400);
    }
  });

  it('refuses malformed contact fields, repeated single fields and unknown or bad attributes with 400', () => {
    expect(refusal({ ...base, email: 'not-an-address' }).description).toMatch(/email/);
    expect(refusal({ ...base, phone: '<script>' }).description).toMatch(/phone/);
    expect(refusal({ ...base, media_url: 'javascript:alert(1)' }).description).toMatch(/media_url/);
    expect(refusal({ ...base, description: 'x'.repeat(4001) }).description).toMatch(/4000/);
    expect(refusal({ ...base, service_code: ['street_dirty', 'noise'] }).description).toMatch(/given once/);
    expect(refusal({ ...base, 'attribute[WHISPAWN]': '123456' }).description).toMatch(/'WHISPAWN' is not one service street_dirty takes/);
    expect(refusal({ ...base, 'attribute[PRIORITY]': 'extreme' }).description).toMatch(/normal, high, urgent/);
    expect(refusal({ ...base, 'attribute[PRIORITY][]': ['high', 'urgent'] }).description).toMatch(/takes one of/);
    expect(refusal({ ...base, attribute: 'high' }).description).toMatch(/attribute must be an object/);
  });
});

describe('parseFormBody', () => {
  it('decodes + and %-escapes, lists repeated names and takes __proto__ as a plain field', () => {
    const body = parseFormBody('a=1+2&b=%E4%B8%AD&a=3&__proto__=x&attribute[c][]=v1&attribute[c][]=v2');
    expect(body.a).toEqual(['1 2', '3']);
    expect(body.b).toBe('中');
    expect(body['__proto__']).toBe('x');
    expect(body['attribute[c][]']).toEqual(['v1', 'v2']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('contactNote', () => {
  it('puts the reporter\'s details in one staff-only note, or none when there are none', () => {
    const none = { firstName: null, lastName: null, email: null, phone: null, deviceId: null, accountId: null, mediaUrl: null };
    expect(contactNote(none)).toBeNull();
    expect(contactNote({ ...none, firstName: '三', lastName: '张', phone: '13812345678' })).toBe('Open311 上报人信息（仅内部可见）— 姓名：张 三；电话：13812345678');
  });
});
