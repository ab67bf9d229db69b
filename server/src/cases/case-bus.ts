import { EventEmitter } from 'node:events';
import type { CaseEvent } from '@cw/shared/schemas/cases';

/** Case events after they are durably written; the realtime layer fans them out. */
export class CaseBus extends EventEmitter<{ event: [CaseEvent] }> {}
