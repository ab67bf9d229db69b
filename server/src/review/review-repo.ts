// What the review needs from storage, beyond the existing repositories: compact streaming reads of
// every case and of position history in a window. Nothing here materialises a case document, so a
// million cases load in seconds. SQLite implements it in sqlite-review-repo.ts; PostgreSQL can with
// keyset pages (see README.md), which is why the scans take a visitor instead of returning arrays.
import type { CaseState } from '@cw/shared/domain/case';

/** One case as the review index holds it: the columns the cases table already projects. */
export interface CaseFact {
  id: string;
  state: CaseState;
  category: string;
  item: string;
  unit: string;
  source: string;
  lon: number;
  lat: number;
  cell: string | null;
  community: string | null;
  street: string | null;
  district: string | null;
  patrolId: string | null;
  createdAt: number;
  closedAt: number | null;
  overdue: boolean;
  version: number;
}

export interface ReviewRepo {
  /** Calls `visit` once for every case, in no particular order; resolves to the number visited.
   *  The fact may be one object refilled for every row: copy what you keep. */
  scanCases(visit: (fact: CaseFact) => void): Promise<number>;
  /** Ids of cases that failed verification at least once (返工: a verify_fail transition). */
  reopenedCaseIds(): Promise<string[]>;
  /** Calls `visit` for every stored fix with from <= time < to; patrol by patrol, each in time order. */
  scanPositions(from: number, to: number, visit: (patrolIndex: number, time: number, lon: number, lat: number) => void): Promise<number>;
}
