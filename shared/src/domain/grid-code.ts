// Unit-grid codes (万米单元网格, CJ/T 213 style): county 6 + street 3 + community 3 + sequence 4.
// The first 12 digits are the community's NBS village-level code, so a cell code names its whole chain.
export const GRID_CODE_LENGTH = 16;
const GRID_CODE = /^\d{16}$/;

export interface GridCodeParts {
  county: string;
  street: string;
  community: string;
  sequence: number;
}

export function formatGridCode(communityCode: string, sequence: number): string {
  if (!/^\d{12}$/.test(communityCode)) throw new Error(`community code must be 12 digits: ${communityCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) throw new Error(`sequence out of range: ${sequence}`);
  return communityCode + String(sequence).padStart(4, '0');
}

export function isGridCode(code: string): boolean {
  return GRID_CODE.test(code) && Number(code.slice(12)) >= 1;
}

export function parseGridCode(code: string): GridCodeParts | null {
  if (!isGridCode(code)) return null;
  return {
    county: code.slice(0, 6),
    street: code.slice(0, 9),
    community: code.slice(0, 12),
    sequence: Number(code.slice(12)),
  };
}
