// Case commands over the socket: validate → service (write, durable) → ack; the broadcast follows
// from the case bus, so every client sees the same event whatever path the command took.
import Type from 'typebox';
import { CaseCommandMessage, NewCase } from '@cw/shared/schemas/cases';
import type { CatchUp } from '@cw/shared/realtime/events';
import { Count } from '@cw/shared/schemas/common';
import type { CaseService } from '../cases/case-service.ts';
import { DomainError } from '../domain-error.ts';
import type { SocketCommands } from './ack.ts';
import { payloadValidator } from './validate.ts';
import type { IoSocket } from './io-types.ts';

export const CATCH_UP_LIMIT = 5000;
const checkCatchUp = payloadValidator(Type.Object({ afterSeq: Count }, { additionalProperties: false }));
const checkNewCase = payloadValidator(NewCase);
const checkCommand = payloadValidator(CaseCommandMessage);
/** Who may send case commands at all; the lifecycle decides per action and per case. */
const CAN_COMMAND = new Set(['dispatcher', 'admin', 'patrol']);

export function caseHandlers(d: { cases: CaseService; commands: SocketCommands }) {
  return (socket: IoSocket) => {
    socket.on('cases:catch-up', (req, ack) => d.commands.answer(ack, async (): Promise<CatchUp> => {
      const { afterSeq } = checkCatchUp(req);
      const user = socket.data.user;
      const events = await d.cases.eventsAfter(afterSeq, CATCH_UP_LIMIT + 1);
      const complete = events.length <= CATCH_UP_LIMIT;
      const page = complete ? events : events.slice(0, CATCH_UP_LIMIT);
      const visible = user.role === 'patrol' ? page.filter((e) => e.case.patrolId === user.patrolId) : page;
      return { events: visible, lastSeq: page.at(-1)?.seq ?? afterSeq, complete };
    }));

    socket.on('case:create', (body, ack) => d.commands.answer(ack, async () => {
      const user = socket.data.user;
      if (!CAN_COMMAND.has(user.role)) throw new DomainError('forbidden', `role ${user.role} may not create cases`);
      const input = checkNewCase(body);
      const event = await d.cases.create(input, user, user.role === 'patrol' ? 'patrol' : 'dispatcher');
      return event.case;
    }));

    socket.on('case:transition', (msg, ack) => d.commands.answer(ack, async () => {
      const user = socket.data.user;
      if (!CAN_COMMAND.has(user.role)) throw new DomainError('forbidden', `role ${user.role} may not change cases`);
      const { id, command } = checkCommand(msg);
      return (await d.cases.transition(id, command, user)).case;
    }));
  };
}
