// The validation report being built: errors (the import cannot be applied), warnings (it can, but
// look), repairs (what was fixed). Lists stop at a few hundred entries; counts per rule are complete.
import type { ImportIssue } from '@cw/shared/schemas/imports';

const LIST_CAP = 300;

export class Issues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly repaired: ImportIssue[] = [];
  readonly byRule: Record<string, number> = {};
  errorCount = 0;
  warningCount = 0;
  repairCount = 0;

  private add(list: ImportIssue[], issue: ImportIssue): void {
    this.byRule[issue.rule] = (this.byRule[issue.rule] ?? 0) + 1;
    if (list.length < LIST_CAP) list.push(issue);
  }

  error(feature: number | null, code: string | null, rule: string, message: string, areaM2?: number): void {
    this.errorCount++;
    this.add(this.errors, { feature, code, rule, message, ...(areaM2 !== undefined ? { areaM2: Math.round(areaM2) } : {}) });
  }

  warn(feature: number | null, code: string | null, rule: string, message: string, areaM2?: number): void {
    this.warningCount++;
    this.add(this.warnings, { feature, code, rule, message, ...(areaM2 !== undefined ? { areaM2: Math.round(areaM2) } : {}) });
  }

  repair(feature: number | null, code: string | null, rule: string, message: string): void {
    this.repairCount++;
    this.add(this.repaired, { feature, code, rule, message });
  }
}
