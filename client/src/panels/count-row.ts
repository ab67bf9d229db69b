/** One place in a bar list of problem counts. */
export interface CountRow {
  key: string;
  name: string;
  open: number;
  overdue: number;
  closedToday: number;
}
