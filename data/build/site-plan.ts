// What demo inspection sites to place in each of the 38 assessment categories: how many, where
// (inside which kind of community, on roads, at crossings, by rivers, at the city's gateways), and
// how they are named. Names are plausible, not real addresses; every point is marked demo.
import type { Position } from './geojson-types.ts';
import type { CommunityRecord, StreetRecord } from './divisions.ts';
import type { Random } from './prng.ts';
import { DEV_ZONE_CODE } from './dev-zone-outline.ts';

export interface SiteContext {
  /** 1-based index of the site within its category. */
  n: number;
  rng: Random;
  street: StreetRecord;
  community: CommunityRecord;
  road?: string;
  /** A cross road: the other road at a crossing, or a section end on a road. */
  crossRoad?: string;
  river?: string;
  /** 东/西/南/北 of the city, for gateways. */
  direction?: string;
}

export type SitePlacement =
  | { kind: 'community'; weight: (c: CommunityRecord, s: StreetRecord) => number; distinct?: boolean }
  | { kind: 'street' }
  | { kind: 'road' }
  | { kind: 'crossing' }
  | { kind: 'river' }
  | { kind: 'gateway' }
  | { kind: 'named'; districts: (string | null)[] }
  | { kind: 'fixed'; at: Position[] };

export interface SitePlan {
  category: string;
  count: number | 'per-street';
  placement: SitePlacement;
  name: (ctx: SiteContext) => string;
}

/** 中山街社区 → 中山街, 古城村 → 古城. */
const base = (c: CommunityRecord): string => c.name.replace(/(社区|村)$/, '') || c.name;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1…99 in Chinese numerals. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return (tens > 1 ? CN[tens]! : '') + '十' + CN[n % 10]!;
}

const residents = (c: CommunityRecord): number => (c.type === '居委会' ? 1 : 0);
const anywhere = (c: CommunityRecord): number => (c.type === '居委会' ? 2 : 1);
const villages = (c: CommunityRecord): number => (c.type === '村委会' ? 1 : 0);
const edges = (c: CommunityRecord): number => (c.type === '村委会' ? 3 : 1);
const industry = (c: CommunityRecord): number => (c.districtCode === DEV_ZONE_CODE ? 5 : c.type === '村委会' ? 1 : 0);
const urbanVillages = (c: CommunityRecord, s: StreetRecord): number => (c.type === '村委会' && s.type === '街道' ? 1 : 0);
const districtPrefix = (c: CommunityRecord, rng: Random): string => (c.districtCode === DEV_ZONE_CODE ? '开发区' : rng.pick(['市', '驿城区']));

const named = (category: string, places: [string, string | null][]): SitePlan => ({
  category,
  count: places.length,
  placement: { kind: 'named', districts: places.map(([, d]) => d) },
  name: ({ n }) => places[n - 1]![0],
});
const fixed = (category: string, places: [string, Position][]): SitePlan => ({
  category,
  count: places.length,
  placement: { kind: 'fixed', at: places.map(([, at]) => at) },
  name: ({ n }) => places[n - 1]![0],
});

const OLD_COMPOUNDS = ['电业局', '纺织厂', '供销社', '粮食局', '交通局', '棉纺厂', '物资局', '化肥厂', '农机公司', '汽修厂', '面粉厂', '邮电局'];
const PROJECTS = ['天中', '驿都', '翰林', '锦绣', '书香', '御景', '金桂', '盛世', '和园', '铜山', '练江', '嵖岈'];
const MALLS = ['天中', '驿都', '金鼎', '万和', '新世纪', '中原', '天润', '嘉和'];
const HOTELS = ['天中', '驿城', '铜山', '金河', '嵖岈山', '汝河', '练江', '开源', '天鹅', '中州'];
const BANKS = ['工商银行', '农业银行', '中国银行', '建设银行', '邮储银行', '驻马店农商银行'];
const NETBARS = ['星际', '极速', '蓝海', '天空', '网域', '电竞'];
const WINDOWS = ['不动产登记中心', '车管所', '社保服务大厅', '公积金服务中心', '供电营业厅', '自来水营业厅', '税务服务厅', '医保服务大厅'];
const COMPANIES = ['天中', '驿达', '中原', '恒通', '金山', '华益', '鼎盛', '博远'];
const COMPANY_KINDS = ['食品有限公司', '机械制造有限公司', '电子科技有限公司', '新材料有限公司', '物流有限公司', '药业有限公司'];

export const SITE_PLANS: readonly SitePlan[] = [
  { category: 'S01', count: 20, placement: { kind: 'road' }, name: ({ road, crossRoad }) => `${road}${crossRoad ? `（${crossRoad}口）` : ''}` },
  { category: 'S02', count: 20, placement: { kind: 'community', weight: anywhere }, name: ({ community, rng }) => `${base(community)}${rng.pick(['一巷', '二巷', '三巷', '后街', '东巷', '西巷', '北巷'])}` },
  { category: 'S03', count: 10, placement: { kind: 'community', weight: urbanVillages, distinct: true }, name: ({ community }) => community.name },
  { category: 'S04', count: 25, placement: { kind: 'community', weight: residents }, name: ({ rng }) => `${rng.pick(OLD_COMPOUNDS)}家属院` },
  { category: 'S05', count: 30, placement: { kind: 'community', weight: residents, distinct: true }, name: ({ community }) => `${community.name}党群服务中心` },
  { category: 'S06', count: 15, placement: { kind: 'community', weight: anywhere, distinct: true }, name: ({ community }) => `${base(community)}农贸市场` },
  { category: 'S07', count: 8, placement: { kind: 'community', weight: villages, distinct: true }, name: ({ community }) => `${base(community)}集贸市场` },
  { category: 'S08', count: 25, placement: { kind: 'road' }, name: ({ road, n }) => `${road}公厕（${n}号）` },
  { category: 'S09', count: 15, placement: { kind: 'community', weight: edges }, name: ({ rng }) => `${rng.pick(PROJECTS)}${rng.pick(['府', '苑', '花园', '名邸', '新城'])}项目工地` },
  { category: 'S10', count: 15, placement: { kind: 'community', weight: residents, distinct: true }, name: ({ community }) => `${base(community)}小学周边` },
  { category: 'S11', count: 20, placement: { kind: 'community', weight: anywhere, distinct: true }, name: ({ community, n }) => (n % 2 ? `驻马店市第${chineseNumber((n + 1) / 2)}中学` : `${base(community)}小学`) },
  { category: 'S12', count: 10, placement: { kind: 'community', weight: residents, distinct: true }, name: ({ community, n }) => (n <= 4 ? `驻马店市第${chineseNumber(n)}人民医院` : `${base(community)}社区卫生服务中心`) },
  { category: 'S13', count: 25, placement: { kind: 'road' }, name: ({ road, crossRoad, n }) => (crossRoad ? `${road}${crossRoad}站` : `${road}${chineseNumber(n)}站`) },
  fixed('S14', [['驻马店站', [114.041, 32.978]], ['驻马店西站', [113.975, 33.001]]]),
  fixed('S15', [['驻马店汽车客运总站', [114.036, 32.983]], ['驻马店汽车客运西站', [113.984, 32.995]]]),
  named('S16', [['天中广场', null], ['人民广场', null], ['文化广场', null], ['驿城广场', null], ['开源广场', DEV_ZONE_CODE], ['金山广场', DEV_ZONE_CODE]]),
  { category: 'S17', count: 8, placement: { kind: 'river' }, name: ({ river, rng }) => `${river}${rng.pick(['滨河公园', '湿地公园', '游园', '生态公园'])}` },
  { category: 'S18', count: 3, placement: { kind: 'river' }, name: ({ river }) => `${river}生态景区` },
  { category: 'S19', count: 6, placement: { kind: 'road' }, name: ({ road }) => `${road}商业街` },
  { category: 'S20', count: 10, placement: { kind: 'community', weight: residents }, name: ({ rng }) => `${rng.pick(MALLS)}${rng.pick(['购物中心', '广场', '超市', '商厦'])}` },
  { category: 'S21', count: 12, placement: { kind: 'community', weight: residents }, name: ({ rng }) => `${rng.pick(HOTELS)}${rng.pick(['大酒店', '宾馆', '商务酒店', '快捷酒店'])}` },
  { category: 'S22', count: 12, placement: { kind: 'community', weight: residents, distinct: true }, name: ({ community, rng }) => `${rng.pick(BANKS)}${base(community)}支行` },
  named('S23', [['驻马店市政务服务中心', null], ['驿城区政务服务中心', '411702'], ['开发区政务服务中心', DEV_ZONE_CODE]]),
  named('S24', [['驻马店市图书馆', null], ['驿城区图书馆', '411702'], ['开发区图书馆', DEV_ZONE_CODE]]),
  named('S25', [['驻马店市博物馆', null], ['天中文化纪念馆', '411702']]),
  named('S26', [['驻马店市文化馆', null], ['驿城区文化馆', '411702'], ['开发区文化中心', DEV_ZONE_CODE]]),
  { category: 'S27', count: 'per-street', placement: { kind: 'street' }, name: ({ street }) => `${street.name}新时代文明实践所` },
  { category: 'S28', count: 5, placement: { kind: 'community', weight: residents, distinct: true }, name: ({ community, n }) => (n === 1 ? '驻马店市青少年宫' : `${base(community)}未成年人活动中心`) },
  { category: 'S29', count: 10, placement: { kind: 'road' }, name: ({ road, rng }) => `${rng.pick(NETBARS)}网咖（${road}店）` },
  { category: 'S30', count: 12, placement: { kind: 'community', weight: residents }, name: ({ community, rng }) => `${districtPrefix(community, rng)}${rng.pick(WINDOWS)}` },
  { category: 'S31', count: 20, placement: { kind: 'road' }, name: ({ road, n }) => `${road}公益广告（${n}号）` },
  named('S32', [
    ['驻马店市城市管理局', null], ['驻马店市公安局', null], ['驻马店市教育局', null], ['驻马店市住房和城乡建设局', null],
    ['驿城区人民政府', '411702'], ['经济开发区管委会', DEV_ZONE_CODE], ['驻马店市文明办', null], ['驻马店市市场监督管理局', null],
    ['驻马店市卫生健康委员会', null], ['驻马店市生态环境局', null],
  ]),
  { category: 'S33', count: 10, placement: { kind: 'community', weight: industry }, name: ({ rng }) => `驻马店${rng.pick(COMPANIES)}${rng.pick(COMPANY_KINDS)}` },
  { category: 'S34', count: 6, placement: { kind: 'community', weight: anywhere, distinct: true }, name: ({ community }) => `${base(community)}${community.type === '村委会' ? '敬老院' : '日间照料中心'}` },
  { category: 'S35', count: 8, placement: { kind: 'gateway' }, name: ({ road, direction }) => `${road}${direction}出入口` },
  { category: 'S36', count: 16, placement: { kind: 'river' }, name: ({ river, community }) => `${river}${base(community)}段` },
  { category: 'S37', count: 20, placement: { kind: 'crossing' }, name: ({ road, crossRoad }) => `${road}与${crossRoad}交叉口` },
  { category: 'S38', count: 15, placement: { kind: 'community', weight: anywhere, distinct: true }, name: ({ community }) => `${base(community)}志愿服务站` },
];
