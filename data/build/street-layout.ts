// Where each township-level unit roughly is and how big it is planned to be. The partition grows the
// streets from these seats, so only the relative sizes matter. Seats follow the real places as far as
// general knowledge goes (板桥/沙河店 far west, 水屯 north-west, 诸市 south, 胡庙 east; the old urban
// streets packed around the centre); the sizes are plausible guesses, not survey data.
import type { Position } from './geojson-types.ts';

/** The centre of 驻马店's built-up area (WGS84). */
export const CITY_CENTRE: Position = [114.02, 32.98];

export interface StreetSeat {
  /** WGS84 lon/lat of the seat (街道办/乡镇政府 roughly). */
  seat: Position;
  /** Planned area in km², used as a relative weight within the district. */
  plannedKm2: number;
}

export const STREET_SEATS: Readonly<Record<string, StreetSeat>> = {
  // 驿城区 urban streets: the old core small, the former townships around it larger.
  '411702001': { seat: [114.02, 32.982], plannedKm2: 4 }, // 人民街
  '411702002': { seat: [114.043, 32.985], plannedKm2: 6 }, // 东风路
  '411702003': { seat: [114.005, 32.99], plannedKm2: 5 }, // 西园街
  '411702004': { seat: [114.03, 32.993], plannedKm2: 3.5 }, // 新华街
  '411702005': { seat: [114.03, 32.968], plannedKm2: 5 }, // 南海
  '411702006': { seat: [114.044, 32.972], plannedKm2: 6 }, // 老街
  '411702007': { seat: [114.0, 32.973], plannedKm2: 8 }, // 橡林
  '411702008': { seat: [114.012, 33.004], plannedKm2: 6 }, // 雪松
  '411702009': { seat: [114.075, 32.99], plannedKm2: 17 }, // 顺河
  '411702010': { seat: [114.05, 33.03], plannedKm2: 20 }, // 刘阁
  '411702011': { seat: [113.96, 33.0], plannedKm2: 15 }, // 香山
  '411702012': { seat: [114.06, 32.945], plannedKm2: 18 }, // 古城
  '411702561': { seat: [114.015, 33.04], plannedKm2: 12 }, // 金桥
  // 驿城区 towns and townships.
  '411702100': { seat: [113.88, 33.04], plannedKm2: 130 }, // 水屯镇
  '411702101': { seat: [113.66, 33.07], plannedKm2: 210 }, // 沙河店镇
  '411702102': { seat: [113.62, 32.96], plannedKm2: 260 }, // 板桥镇
  '411702103': { seat: [114.06, 32.88], plannedKm2: 100 }, // 诸市镇
  '411702104': { seat: [113.8, 32.92], plannedKm2: 150 }, // 蚁蜂镇
  '411702201': { seat: [113.88, 32.88], plannedKm2: 120 }, // 老河乡
  '411702204': { seat: [114.125, 33.045], plannedKm2: 70 }, // 朱古洞乡
  '411702205': { seat: [114.17, 32.96], plannedKm2: 95 }, // 胡庙乡
  // 经济开发区: the streets toward the city in the north-east, 关王庙乡 in the south-west.
  '411771360': { seat: [113.948, 32.91], plannedKm2: 30 }, // 关王庙乡
  '411771400': { seat: [113.952, 32.946], plannedKm2: 6 }, // 职教园区
  '411771560': { seat: [114.002, 32.952], plannedKm2: 12 }, // 金河街道
  '411771562': { seat: [113.982, 32.958], plannedKm2: 9 }, // 金山街道
  '411771563': { seat: [114.0, 32.924], plannedKm2: 16 }, // 开源街道
};
