import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES } from '@cw/shared/domain/taxonomy';
import { serviceDefinition, serviceList } from './services.ts';

describe('GeoReport services', () => {
  it('lists every case category as a realtime service grouped by its assessment item', () => {
    const list = serviceList();
    expect(list.map((s) => s.service_code)).toEqual(CASE_CATEGORIES.map((c) => c.code));
    expect(list.find((s) => s.service_code === 'road_vending')).toEqual({
      service_code: 'road_vending', service_name: '违法占道经营',
      description: '违法占道经营（Street vending on the road）。责任单位：市城管局；处置时限：2 个工作小时。',
      metadata: true, type: 'realtime', keywords: '违法占道经营, Street vending on the road, 市容环境, 市城管局', group: '市容环境',
    });
  });

  it('defines a priority list (default by urgency) and an information-only time limit for each service', () => {
    const def = serviceDefinition('noise')!;
    expect(def.service_code).toBe('noise');
    expect(def.attributes[0]).toMatchObject({ variable: true, code: 'PRIORITY', datatype: 'singlevaluelist', required: false, order: 1, description: '紧急程度（不填则为紧急）' });
    expect(def.attributes[0]!.values.map((v) => v.key)).toEqual(['normal', 'high', 'urgent']);
    expect(def.attributes[1]).toMatchObject({ variable: false, code: 'TIME_LIMIT', order: 2, description: '处置时限：2 小时（紧急，按自然时间计），责任单位：市公安局' });
    expect(serviceDefinition('pothole')).toBeNull();
  });
});
