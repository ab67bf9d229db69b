import { describe, expect, it } from 'vitest';
import { commandFor } from './keymap.ts';

describe('commandFor', () => {
  it('maps the console keys to commands', () => {
    expect(commandFor({ key: 'j' })).toEqual({ kind: 'move', by: 1 });
    expect(commandFor({ key: 'ArrowDown' })).toEqual({ kind: 'move', by: 1 });
    expect(commandFor({ key: 'k' })).toEqual({ kind: 'move', by: -1 });
    expect(commandFor({ key: 'ArrowUp' })).toEqual({ kind: 'move', by: -1 });
    expect(commandFor({ key: 'Enter' })).toEqual({ kind: 'select' });
    expect(commandFor({ key: 'd' })).toEqual({ kind: 'dispatch-top' });
    expect(commandFor({ key: '1' })).toEqual({ kind: 'dispatch-pick', rank: 0 });
    expect(commandFor({ key: '5' })).toEqual({ kind: 'dispatch-pick', rank: 4 });
    expect(commandFor({ key: 'r' })).toEqual({ kind: 'register' });
    expect(commandFor({ key: 'x' })).toEqual({ kind: 'reject' });
    expect(commandFor({ key: 'n' })).toEqual({ kind: 'new-case' });
    expect(commandFor({ key: '/' })).toEqual({ kind: 'search' });
    expect(commandFor({ key: 'm' })).toEqual({ kind: 'mute' });
    expect(commandFor({ key: '?' })).toEqual({ kind: 'help' });
    expect(commandFor({ key: ' ' })).toEqual({ kind: 'toggle-check' });
  });

  it('ignores other keys, 6–9, and shortcuts with modifiers (the browser keeps Ctrl+R)', () => {
    expect(commandFor({ key: '6' })).toBeNull();
    expect(commandFor({ key: 'q' })).toBeNull();
    expect(commandFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(commandFor({ key: 'd', metaKey: true })).toBeNull();
  });

  it('leaves typing alone: only Escape counts inside a field', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    expect(commandFor({ key: 'j', target: input })).toBeNull();
    expect(commandFor({ key: '/', target: input })).toBeNull();
    expect(commandFor({ key: 'Enter', target: textarea })).toBeNull();
    expect(commandFor({ key: 'Escape', target: input })).toEqual({ kind: 'cancel' });
    const button = document.createElement('button');
    expect(commandFor({ key: 'd', target: button })).toEqual({ kind: 'dispatch-top' });
    expect(commandFor({ key: 'Enter', target: button })).toBeNull();
  });
});
