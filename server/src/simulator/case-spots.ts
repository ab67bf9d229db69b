// Where each kind of problem tends to happen (site categories, see site-categories.ts) and how
// reporters phrase it. Demo data.
import { pick } from './random.ts';

export const CASE_SPOTS: Record<string, readonly string[]> = {
  street_dirty: ['S01', 'S02', 'S19'],
  road_vending: ['S01', 'S02', 'S06', 'S07', 'S10'],
  toilet_unclean: ['S08'],
  site_dust: ['S09'],
  muck_truck: ['S09', 'S01', 'S35'],
  noise: ['S09', 'S19', 'S16'],
  old_compound: ['S04', 'S05', 'S03'],
  municipal_facility: ['S01', 'S13', 'S16', 'S17'],
  road_damage: ['S01', 'S02'],
  sewage: ['S02', 'S03', 'S36'],
  cable_mess: ['S02', 'S04', 'S03'],
  traffic_order: ['S37', 'S01', 'S14', 'S15'],
  illegal_parking: ['S01', 'S12', 'S20', 'S19'],
  public_security: ['S14', 'S15', 'S29'],
  culture_env: ['S29', 'S10'],
  school_surroundings: ['S10', 'S11'],
  market_disorder: ['S06', 'S07'],
  food_safety: ['S06', 'S07', 'S10'],
  work_safety: ['S09', 'S33'],
  ad_missing: ['S31', 'S13', 'S16'],
  river_litter: ['S36'],
  greening: ['S17', 'S16', 'S01'],
  uncivil_behaviour: ['S16', 'S17', 'S13', 'S37'],
  window_service: ['S30', 'S22', 'S23'],
  volunteer_post: ['S38', 'S37'],
};

const PHRASES: Record<string, readonly string[]> = {
  street_dirty: ['路面有积存垃圾未清扫', '人行道污渍明显', '垃圾桶满溢未清运'],
  road_vending: ['流动摊贩占道经营', '店外经营占用人行道', '早市摊点越线经营'],
  toilet_unclean: ['公厕有异味，地面湿滑', '洗手液缺失，照明损坏'],
  site_dust: ['工地裸土未覆盖', '出入口车辆未冲洗', '围挡破损扬尘外溢'],
  muck_truck: ['渣土车未密闭运输', '渣土车沿路抛洒'],
  noise: ['夜间施工噪声扰民', '广场舞音响过大'],
  old_compound: ['楼道杂物堆放', '小区内私搭乱建', '绿地被占种菜'],
  municipal_facility: ['井盖缺失', '路灯不亮', '护栏损坏'],
  road_damage: ['路面坑槽', '人行道砖松动'],
  sewage: ['雨水口堵塞', '污水外溢'],
  cable_mess: ['弱电线缆垂落', '线缆乱拉乱挂'],
  traffic_order: ['路口车辆闯红灯较多', '非机动车逆行'],
  illegal_parking: ['机动车占用人行道停放', '共享单车无序停放'],
  public_security: ['夜间人员聚集滋事隐患'],
  culture_env: ['网吧接纳未成年人疑似', '违规张贴小广告'],
  school_surroundings: ['放学时段校门口拥堵', '校园周边流动摊点'],
  market_disorder: ['市场外溢占道', '市场内垃圾未及时清运'],
  food_safety: ['无证食品摊点', '食品摊点卫生差'],
  work_safety: ['工地临边防护缺失', '消防通道被占'],
  ad_missing: ['公益广告破损褪色', '围挡缺少公益广告'],
  river_litter: ['河面漂浮垃圾', '河岸垃圾堆放'],
  greening: ['绿化带苗木缺失', '绿地被踩踏'],
  uncivil_behaviour: ['随地吐痰、乱扔烟头', '不文明养犬'],
  window_service: ['窗口工作人员态度差', '窗口未公示办事流程'],
  volunteer_post: ['志愿服务岗无人值守'],
};

export function describeCase(category: string, rand: () => number): string {
  return pick(rand, PHRASES[category] ?? ['现场问题待核实']);
}
