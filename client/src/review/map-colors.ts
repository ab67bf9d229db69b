// Colours the review map and its legend share (beyond the colour scales of areas).
export type DutyStatus = 'uncovered' | 'covered' | 'idle';

/** Road sections: nobody on a running shift, on duty, no shift now. */
export const DUTY_COLOR: Record<DutyStatus, string> = { uncovered: '#ff3b3b', covered: '#4cdf8b', idle: '#6f8fb0' };

/** Unit cells nobody patrolled for N days. */
export const STALE_COLOR = '#ff4dd2';

/** Patrols in a replay, in the order they were picked (distinct on the dark map). */
export const REPLAY_COLORS = ['#4fc3f7', '#ffb74d', '#e57373', '#81c784', '#ba68c8', '#fff176', '#4dd0e1', '#f06292', '#aed581', '#90a4ae'];

/** Cases along a replay: still open at the replay's time, or already closed. */
export const REPLAY_CASE_COLOR = { open: '#ff9800', closed: '#4cdf8b' } as const;

/** One entry of a categorical legend. */
export interface LegendSwatch {
  color: string;
  label: string;
  shape?: 'box' | 'line' | 'dot';
}
