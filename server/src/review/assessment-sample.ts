// SAMPLE DATA — not the real 《全国文明城市测评体系》. The structure follows the real one (测评项目 →
// 测评内容 → 测评标准; 12 / 88 / 180 in 2020), but the contents and standards below are a short,
// paraphrased illustration so the tracker has something to show. The city loads its own lists
// with PUT /api/v1/review/assessment/taxonomy. Each content lists the case categories whose
// problems count against it; a category belongs to the item its case rules name.
import { ASSESSMENT_ITEMS } from '@cw/shared/domain/taxonomy';

export interface AssessmentStandard {
  code: string;
  text: string;
}

export interface AssessmentContent {
  code: string;
  zh: string;
  /** Case categories whose problems count against this content. */
  categories: string[];
  standards: AssessmentStandard[];
}

export interface AssessmentItemDef {
  code: string;
  zh: string;
  contents: AssessmentContent[];
}

export interface AssessmentTaxonomy {
  /** Shown above the tracker, so nobody mistakes a sample for the real lists. */
  label: string;
  sample: boolean;
  items: AssessmentItemDef[];
}

type ContentRow = [code: string, zh: string, categories: string[], standards: string[]];

const CONTENTS: Record<string, ContentRow[]> = {
  A01: [
    ['C0101', '理论学习宣传阵地', [], ['公共场所设有理论学习宣传栏，内容及时更新']],
    ['C0102', '党史学习教育', [], ['社区、窗口单位有学习教育活动记录']],
  ],
  A02: [
    ['C0201', '核心价值观宣传', ['ad_missing'], ['主次干道、广场、公交站点公益广告规范设置，无破损褪色', '建筑工地围挡公益广告占比达标']],
    ['C0202', '公益广告刊播', [], ['主要媒体按比例刊播公益广告']],
  ],
  A03: [
    ['C0301', '文明行为养成', ['uncivil_behaviour'], ['公共场所无随地吐痰、乱扔垃圾、不文明养犬等行为']],
    ['C0302', '道德模范宣传', [], ['道德模范、身边好人宣传阵地完好']],
  ],
  A04: [
    ['C0401', '学校周边环境', ['school_surroundings', 'culture_env'], ['学校周边无流动摊点，上下学时段秩序良好', '学校周边无接纳未成年人的网吧']],
    ['C0402', '未成年人活动场所', [], ['未成年人活动场所开放，设施完好']],
  ],
  A05: [
    ['C0501', '诚信经营', [], ['集贸市场、商业大街公示诚信经营承诺']],
  ],
  A06: [
    ['C0601', '社会治安与公共秩序', ['public_security', 'noise'], ['重点区域无治安隐患，夜间无噪声扰民']],
    ['C0602', '安全生产与食品安全', ['work_safety', 'food_safety'], ['工地安全防护到位', '食品摊点证照齐全、卫生达标']],
  ],
  A07: [
    ['C0701', '公共文化设施', [], ['图书馆、文化馆按时开放，服务规范']],
  ],
  A08: [
    ['C0801', '交通秩序', ['traffic_order', 'illegal_parking'], ['路口机动车、非机动车、行人各行其道', '机动车、非机动车有序停放，不占用人行道']],
    ['C0802', '文明交通志愿服务', [], ['重点路口高峰时段有文明交通志愿者值守']],
  ],
  A09: [
    ['C0901', '市容市貌', ['street_dirty', 'road_vending', 'cable_mess'], ['路面干净，无积存垃圾', '无占道经营、店外经营', '线缆规范架设，无乱拉乱挂']],
    ['C0902', '环卫设施', ['toilet_unclean'], ['公厕“五净两好”，设施完好']],
    ['C0903', '市政设施', ['municipal_facility', 'road_damage'], ['井盖、护栏、路灯完好', '路面无坑槽，人行道砖平整']],
    ['C0904', '农贸市场', ['market_disorder'], ['市场内外整洁有序，无外溢占道']],
  ],
  A10: [
    ['C1001', '扬尘与渣土治理', ['site_dust', 'muck_truck'], ['工地“六个百分百”落实', '渣土车密闭运输，无抛洒']],
    ['C1002', '水体与园林绿化', ['river_litter', 'greening', 'sewage'], ['河道水面无漂浮物', '绿地无损毁、无裸土', '无污水外溢']],
  ],
  A11: [
    ['C1101', '社区与小区环境', ['old_compound'], ['老旧小区楼道无杂物，无私搭乱建']],
    ['C1102', '窗口服务', ['window_service'], ['窗口单位公示办事流程，服务规范']],
  ],
  A12: [
    ['C1201', '志愿服务站点', ['volunteer_post'], ['志愿服务站点有人值守，标识规范']],
    ['C1202', '志愿服务活动', [], ['社区定期开展志愿服务活动']],
  ],
};

export const SAMPLE_ASSESSMENT: AssessmentTaxonomy = {
  label: '示例测评体系（非官方，仅供演示）Sample taxonomy — not the official lists',
  sample: true,
  items: ASSESSMENT_ITEMS.map((item) => ({
    code: item.code,
    zh: item.zh,
    contents: (CONTENTS[item.code] ?? []).map(([code, zh, categories, standards]) => ({
      code, zh, categories,
      standards: standards.map((text, k) => ({ code: `${code}-${k + 1}`, text })),
    })),
  })),
};
