import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { communityName, communityType, divisionsOf, streetType } from './divisions.ts';
import { loadSources } from './source-packages.ts';

describe('division records', () => {
  it('names and types communities and streets from their NBS names', () => {
    expect(communityName('中山街社区居民委员会')).toBe('中山街社区');
    expect(communityName('全庄居民委员会')).toBe('全庄社区');
    expect(communityName('古城村民委员会')).toBe('古城村');
    expect(communityName('石庄村委会')).toBe('石庄村');
    expect(communityType('石庄村委会')).toBe('村委会');
    expect(communityType('职教园区虚拟社区')).toBe('居委会');
    expect(streetType('驻马店市职教园区')).toBe('其他');
    expect(streetType('关王庙乡')).toBe('乡');
  });

  it('holds the real NBS units of 驿城区 and 开发区', () => {
    const { divisions } = loadSources(join(import.meta.dirname, '..'), false);
    const d = divisionsOf(divisions, ['411702', '411771']);
    const yc = d.streets.filter((s) => s.districtCode === '411702');
    expect(yc).toHaveLength(21);
    expect(['街道', '镇', '乡'].map((t) => yc.filter((s) => s.type === t).length)).toEqual([13, 5, 3]);
    expect(d.streets.filter((s) => s.districtCode === '411771').map((s) => s.code)).toEqual(['411771360', '411771400', '411771560', '411771562', '411771563']);
    const ycCommunities = d.communities.filter((c) => c.districtCode === '411702');
    expect(ycCommunities).toHaveLength(206);
    expect(ycCommunities.filter((c) => c.type === '居委会')).toHaveLength(71);
    expect(d.communities.filter((c) => c.districtCode === '411771')).toHaveLength(25);
    expect(d.streets.find((s) => s.code === '411702001')?.chief).toBe('人民街街道网格长');
  });
});
