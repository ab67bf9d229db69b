// The dispatch console's keyboard map: a key press becomes a command, or nothing. While the
// dispatcher types in a field, only Escape (leave the field / cancel) is a command.
export type DispatchCommand =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'select' }
  | { kind: 'toggle-check' }
  | { kind: 'dispatch-top' }
  | { kind: 'dispatch-pick'; rank: number }
  | { kind: 'register' }
  | { kind: 'reject' }
  | { kind: 'new-case' }
  | { kind: 'search' }
  | { kind: 'mute' }
  | { kind: 'help' }
  | { kind: 'cancel' };

import type { MessageKey } from '../i18n/messages.ts';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key was typed in. */
  target?: EventTarget | null;
}

/** Shown in the help overlay, in this order. */
export const KEY_HELP: readonly { keys: string; what: MessageKey }[] = [
  { keys: 'j / k  ↓ / ↑', what: 'keys.move' },
  { keys: 'Enter', what: 'keys.select' },
  { keys: 'Space', what: 'keys.check' },
  { keys: 'd', what: 'keys.dispatchTop' },
  { keys: '1 – 5', what: 'keys.dispatchPick' },
  { keys: 'r', what: 'keys.register' },
  { keys: 'x', what: 'keys.reject' },
  { keys: 'n', what: 'keys.newCase' },
  { keys: '/', what: 'keys.search' },
  { keys: 'm', what: 'keys.mute' },
  { keys: '?', what: 'keys.help' },
  { keys: 'Esc', what: 'keys.cancel' },
];

function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function commandFor(e: KeyPress): DispatchCommand | null {
  if (e.key === 'Escape') return { kind: 'cancel' };
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  // Enter and Space on a focused button press that button.
  if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement | null)?.tagName === 'BUTTON') return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'Enter':
      return { kind: 'select' };
    case ' ':
      return { kind: 'toggle-check' };
    case 'd':
      return { kind: 'dispatch-top' };
    case 'r':
      return { kind: 'register' };
    case 'x':
      return { kind: 'reject' };
    case 'n':
      return { kind: 'new-case' };
    case '/':
      return { kind: 'search' };
    case 'm':
      return { kind: 'mute' };
    case '?':
      return { kind: 'help' };
    default:
      return /^[1-5]$/.test(e.key) ? { kind: 'dispatch-pick', rank: Number(e.key) - 1 } : null;
  }
}
