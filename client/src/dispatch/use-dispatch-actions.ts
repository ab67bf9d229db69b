// The dispatcher's commands on cases. Every command carries the version the dispatcher was
// looking at, so one that arrives after a colleague acted is refused (409) instead of overwriting
// their work; the console then says so plainly and shows the case as it now is.
import { ref, shallowRef } from 'vue';
import type { Case, CaseCommand } from '@cw/shared/schemas/cases';
import { ACTION_LABEL, type CaseAction } from '@cw/shared/domain/case-lifecycle';
import { caseApi, type Recommendation } from '../api/case-api.ts';
import { HttpError } from '../api/http.ts';
import { newClientId } from '../api/client-id.ts';
import { useI18n } from '../i18n/index.ts';
import { useCasesStore } from '../stores/cases.ts';
import { DISPATCHABLE } from './use-case-detail.ts';

/** Actions that cannot be sent without something typed first. */
export const NEEDS_REASON = new Set<CaseAction>(['reject', 'return', 'verify_fail', 'defer']);

export interface Notice {
  kind: 'ok' | 'error' | 'conflict';
  text: string;
}

export type CommandFields = Pick<CaseCommand, 'reason' | 'until' | 'patrolId' | 'unit' | 'afterPhotoId'>;

export function useDispatchActions(hooks: { accept: (c: Case) => void; refresh: () => Promise<void> }) {
  const { t, label } = useI18n();
  const cases = useCasesStore();
  const busy = ref(false);
  const notice = shallowRef<Notice | null>(null);
  /** An action whose reason (and date) the dispatcher is typing. */
  const pending = ref<CaseAction | null>(null);

  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  /** Shows a notice for a while; problems stay up longer than confirmations. */
  function say(kind: Notice['kind'], text: string): void {
    notice.value = { kind, text };
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => (notice.value = null), kind === 'ok' ? 6000 : 15_000);
  }

  async function send(c: Case, action: CaseAction, fields: CommandFields = {}): Promise<Case | null> {
    const command: CaseCommand = { action, ...fields, expectedVersion: c.version, commandId: newClientId() };
    return caseApi.transition(c.id, command);
  }

  function explain(err: unknown, c: Case): Notice {
    if (err instanceof HttpError && err.status === 409) {
      return { kind: 'conflict', text: t('dispatch.conflict', { code: c.code }) + (err.detail ? ` (${err.detail})` : '') };
    }
    return { kind: 'error', text: err instanceof HttpError ? (err.detail || err.message) : t('dispatch.networkError') };
  }

  async function act(c: Case, action: CaseAction, fields: CommandFields = {}): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      const updated = await send(c, action, fields);
      if (updated) hooks.accept(updated);
      pending.value = null;
      say('ok', t('dispatch.done', { action: label(ACTION_LABEL[action]), code: c.code }));
      return true;
    } catch (err) {
      const n = explain(err, c);
      say(n.kind, n.text);
      if (n.kind === 'conflict') {
        pending.value = null;
        await hooks.refresh();
      }
      return false;
    } finally {
      busy.value = false;
    }
  }

  function dispatchTo(c: Case, rec: Recommendation): Promise<boolean> {
    return act(c, 'dispatch', { patrolId: rec.patrolId, unit: c.unit });
  }

  /** Each ticked case to its own top recommendation; reports how many went. */
  async function dispatchBatch(ids: readonly string[]): Promise<{ sent: string[]; failed: string[] }> {
    busy.value = true;
    const sent: string[] = [];
    const failed: string[] = [];
    try {
      // One after another: each dispatch makes its patrol busy, so the next case gets the next one.
      for (const id of ids) {
        const c = cases.openCases.get(id);
        if (!c || !DISPATCHABLE.has(c.state)) {
          failed.push(id);
          continue;
        }
        try {
          const [top] = await caseApi.recommendations(id, 1);
          if (!top) throw new Error('no patrol available');
          await send(c, 'dispatch', { patrolId: top.patrolId, unit: c.unit });
          sent.push(id);
        } catch {
          failed.push(id);
        }
      }
      say(failed.length ? 'error' : 'ok', t('dispatch.batchDone', { sent: sent.length, failed: failed.length }));
      return { sent, failed };
    } finally {
      busy.value = false;
    }
  }

  return { busy, notice, pending, act, dispatchTo, dispatchBatch, say };
}
