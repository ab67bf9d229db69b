// The 38 categories of field-assessment sites (实地测评点位) inspectors visit. The list follows the
// categories the assessment system names; the codes are this product's own (S01…S38).
export interface SiteCategory {
  code: string;
  zh: string;
  en: string;
  /** Colour on the map legend. */
  color: string;
}

const C = (code: string, zh: string, en: string, color: string): SiteCategory => ({ code, zh, en, color });

export const SITE_CATEGORIES: readonly SiteCategory[] = [
  C('S01', '主次干道', 'Main road', '#4fc3f7'),
  C('S02', '背街小巷', 'Back alley', '#81d4fa'),
  C('S03', '城中村', 'Urban village', '#a1887f'),
  C('S04', '老旧小区', 'Old residential compound', '#bcaaa4'),
  C('S05', '社区', 'Community', '#90caf9'),
  C('S06', '农贸市场', 'Farmers market', '#ffb74d'),
  C('S07', '集贸市场', 'Bazaar', '#ffa726'),
  C('S08', '公共厕所', 'Public toilet', '#80cbc4'),
  C('S09', '建筑工地', 'Construction site', '#ff8a65'),
  C('S10', '学校周边', 'School surroundings', '#ce93d8'),
  C('S11', '中小学校', 'Primary/secondary school', '#ba68c8'),
  C('S12', '医院', 'Hospital', '#ef9a9a'),
  C('S13', '公交站点', 'Bus stop', '#64b5f6'),
  C('S14', '火车站', 'Railway station', '#5c6bc0'),
  C('S15', '长途汽车站', 'Coach station', '#7986cb'),
  C('S16', '广场', 'Square', '#4db6ac'),
  C('S17', '公园', 'Park', '#66bb6a'),
  C('S18', '景区', 'Scenic area', '#9ccc65'),
  C('S19', '商业大街', 'Shopping street', '#ffd54f'),
  C('S20', '大型商场超市', 'Mall / supermarket', '#ffca28'),
  C('S21', '宾馆酒店', 'Hotel', '#f06292'),
  C('S22', '银行网点', 'Bank branch', '#4dd0e1'),
  C('S23', '政务服务中心', 'Government service centre', '#26c6da'),
  C('S24', '图书馆', 'Library', '#aed581'),
  C('S25', '博物馆纪念馆', 'Museum / memorial', '#dce775'),
  C('S26', '文化馆', 'Cultural centre', '#fff176'),
  C('S27', '新时代文明实践中心', 'Civilization practice centre', '#e57373'),
  C('S28', '未成年人活动场所', "Minors' activity venue", '#f48fb1'),
  C('S29', '网吧', 'Internet café', '#9575cd'),
  C('S30', '窗口单位', 'Public service window', '#4fc3f7'),
  C('S31', '公益广告点位', 'Public-service ad site', '#ff7043'),
  C('S32', '机关单位', 'Government office', '#78909c'),
  C('S33', '企业', 'Enterprise', '#90a4ae'),
  C('S34', '养老机构', 'Elderly care home', '#a5d6a7'),
  C('S35', '城市出入口', 'City gateway', '#b0bec5'),
  C('S36', '河道水系', 'River / waterway', '#29b6f6'),
  C('S37', '交通路口', 'Traffic intersection', '#ffee58'),
  C('S38', '志愿服务站', 'Volunteer service station', '#ef5350'),
];

export const SITE_CATEGORY_BY_CODE: ReadonlyMap<string, SiteCategory> = new Map(
  SITE_CATEGORIES.map((c) => [c.code, c]),
);

/** How ready a site is for the inspectors tomorrow. */
export type SiteReadiness = 'ready' | 'attention' | 'failing';
export const SITE_READINESS: readonly SiteReadiness[] = ['ready', 'attention', 'failing'];
