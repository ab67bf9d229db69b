// The rules cases are judged by — the category taxonomy and the working-day calendar — as the admin
// last saved them, falling back to the shipped defaults. Changing them affects new deadlines only.
import { CASE_CATEGORIES, type CaseCategory } from '@cw/shared/domain/taxonomy';
import { createWorkCalendar, DEFAULT_CALENDAR, PRC_HOLIDAYS_2026, PRC_WORKDAYS_2026, type WorkCalendar } from '@cw/shared/domain/work-calendar';
import type { CalendarBody } from '@cw/shared/schemas/admin';
import type { SettingsRepo } from '../store/types.ts';
import { DomainError } from '../domain-error.ts';

export const DEFAULT_CALENDAR_BODY: CalendarBody = {
  hours: [['08:30', '12:00'], ['14:30', '18:00']],
  holidays: [...PRC_HOLIDAYS_2026],
  workdays: [...PRC_WORKDAYS_2026],
};

export class CaseRules {
  private byCode: Map<string, CaseCategory>;
  private list: readonly CaseCategory[];
  calendar: WorkCalendar;
  calendarBody: CalendarBody;

  private constructor(private readonly settings: SettingsRepo, categories: readonly CaseCategory[], calendarBody: CalendarBody | null) {
    this.list = categories;
    this.byCode = new Map(categories.map((c) => [c.code, c]));
    this.calendarBody = calendarBody ?? DEFAULT_CALENDAR_BODY;
    this.calendar = calendarBody ? createWorkCalendar(calendarBody) : DEFAULT_CALENDAR;
  }

  static async load(settings: SettingsRepo): Promise<CaseRules> {
    const categories = await settings.get<CaseCategory[]>('taxonomy');
    const calendar = await settings.get<CalendarBody>('calendar');
    return new CaseRules(settings, categories ?? CASE_CATEGORIES, calendar);
  }

  category(code: string): CaseCategory | undefined {
    return this.byCode.get(code);
  }

  categories(): readonly CaseCategory[] {
    return this.list;
  }

  async setCategories(categories: readonly CaseCategory[], by: string, at: number): Promise<void> {
    const codes = new Set(categories.map((c) => c.code));
    if (codes.size !== categories.length) throw new DomainError('bad_request', 'category codes must be unique');
    // Cases already filed under a category keep their meaning: categories can change, not vanish.
    const dropped = this.list.filter((c) => !codes.has(c.code)).map((c) => c.code);
    if (dropped.length) throw new DomainError('bad_request', `categories cannot be removed (cases may use them): ${dropped.join(', ')}`);
    await this.settings.put('taxonomy', categories, by, at);
    this.list = categories;
    this.byCode = new Map(categories.map((c) => [c.code, c]));
  }

  async setCalendar(body: CalendarBody, by: string, at: number): Promise<void> {
    let cal: WorkCalendar;
    try {
      cal = createWorkCalendar(body);
    } catch (err) {
      throw new DomainError('bad_request', `invalid calendar: ${(err as Error).message}`);
    }
    await this.settings.put('calendar', body, by, at);
    this.calendar = cal;
    this.calendarBody = body;
  }
}
