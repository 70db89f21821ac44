import { describe, expect, it } from 'vitest';
import { MENU_CANVAS_ACTIONS } from '../../shared/ipc/api';
import type { KeyInput } from '../canvas/shortcuts';
import { collectResources } from '../i18n/resources';
import { ACTIONS, actionForKey, findAction } from './registry';

function key(code: string, extra: Partial<KeyInput> = {}): KeyInput {
  const letter = /^Key([A-Z])$/.exec(code)?.[1]?.toLowerCase();
  return {
    key: letter ?? code,
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...extra,
  };
}

/** An Electron accelerator of the menu ("Shift+CmdOrCtrl+Z") as the key press it stands for. */
function acceleratorKey(accelerator: string): KeyInput {
  const parts = accelerator.split('+');
  const name = parts.at(-1)!;
  const mods = new Set(parts.slice(0, -1));
  const named: Record<string, string> = { '=': 'Equal', '-': 'Minus' };
  const code = /^[A-Z]$/.test(name)
    ? `Key${name}`
    : /^[0-9]$/.test(name)
      ? `Digit${name}`
      : (named[name] ?? name);
  return key(code, {
    ctrlKey: mods.has('CmdOrCtrl') || mods.has('Ctrl'),
    metaKey: mods.has('Cmd'),
    shiftKey: mods.has('Shift'),
  });
}

/** The id of the action a key press stands for. */
const idFor = (code: string, extra: Partial<KeyInput> = {}) =>
  actionForKey(key(code, extra))?.action.id ?? null;

describe('the action registry', () => {
  it('names every action in English and Russian', () => {
    const all = collectResources(import.meta.glob('../*/locales/*.json', { eager: true }));
    const lookup = (tree: unknown, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const action of ACTIONS) {
      for (const lang of ['en', 'ru'] as const) {
        const label = lookup(all[lang], action.labelKey);
        expect(typeof label === 'string' && label.length > 0, `${action.id} in ${lang}`).toBe(true);
      }
    }
  });

  it('gives every action its own id and no two actions the same key', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    const owner = new Map<string, string>();
    for (const action of ACTIONS) {
      for (const s of action.shortcuts) {
        const shifts = s.shift === 'any' ? [false, true] : [s.shift ?? false];
        for (const code of s.codes) {
          for (const shift of shifts) {
            const combo = `${s.mod ? 'mod+' : ''}${shift ? 'shift+' : ''}${code}`;
            expect(owner.get(combo), `${combo}: ${owner.get(combo)} and ${action.id}`).toBeUndefined();
            owner.set(combo, action.id);
          }
        }
      }
    }
  });

  it('has every canvas command of the desktop menu, under the key the menu shows', () => {
    for (const [id, keys] of Object.entries(MENU_CANVAS_ACTIONS)) {
      expect(findAction(id)?.id).toBe(id);
      const shown: { accelerator: string; mac?: string } = keys;
      for (const accelerator of [shown.accelerator, shown.mac].filter((a) => a !== undefined))
        expect(actionForKey(acceleratorKey(accelerator))?.action.id, accelerator).toBe(id);
    }
  });
});

describe('keys to actions', () => {
  it('matches tool letters by physical key, so a Russian layout works', () => {
    expect(idFor('KeyN')).toBe('tool.sticky');
    expect(actionForKey({ ...key('KeyN'), key: 'т' })?.action.id).toBe('tool.sticky');
    expect(idFor('KeyV')).toBe('tool.select');
    expect(idFor('KeyH')).toBe('tool.hand');
    expect(idFor('KeyC')).toBe('tool.connector');
    expect(actionForKey({ ...key('KeyZ', { ctrlKey: true }), key: 'я' })?.action.id).toBe('undo');
  });

  it('knows undo and both redo conventions, with Ctrl or Cmd', () => {
    expect(idFor('KeyZ', { ctrlKey: true })).toBe('undo');
    expect(idFor('KeyZ', { metaKey: true })).toBe('undo');
    expect(idFor('KeyZ', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(idFor('KeyY', { ctrlKey: true })).toBe('redo');
  });

  it('maps duplicate, select all, fit and zoom (Ctrl and + is Ctrl+Shift+= on many layouts)', () => {
    expect(idFor('KeyD', { ctrlKey: true })).toBe('duplicate');
    expect(idFor('KeyA', { metaKey: true })).toBe('selectAll');
    expect(idFor('Digit0', { ctrlKey: true })).toBe('fitView');
    expect(idFor('Digit1', { shiftKey: true })).toBe('fitView');
    expect(idFor('Equal', { ctrlKey: true })).toBe('zoomIn');
    expect(idFor('Equal', { ctrlKey: true, shiftKey: true })).toBe('zoomIn');
    expect(idFor('Minus', { ctrlKey: true })).toBe('zoomOut');
  });

  it('nudges with the arrows, deletes with Delete or Backspace, edits with Enter, cancels with Escape', () => {
    expect(idFor('ArrowLeft')).toBe('nudgeLeft');
    expect(idFor('ArrowDown', { shiftKey: true })).toBe('nudgeDown');
    expect(idFor('Delete')).toBe('delete');
    expect(idFor('Backspace')).toBe('delete');
    expect(idFor('Delete', { shiftKey: true })).toBeNull();
    expect(idFor('Enter')).toBe('edit');
    expect(idFor('Escape')).toBe('cancel');
  });

  it('leaves the clipboard keys to clipboard events, and other combinations to the browser', () => {
    expect(actionForKey(key('KeyC', { ctrlKey: true }))?.shortcut.clipboard).toBe(true);
    expect(actionForKey(key('KeyX', { ctrlKey: true }))?.shortcut.clipboard).toBe(true);
    expect(actionForKey(key('KeyV', { metaKey: true }))?.shortcut.clipboard).toBe(true);
    expect(idFor('KeyN', { ctrlKey: true })).toBeNull(); // new window
    expect(idFor('KeyN', { altKey: true })).toBeNull();
    expect(idFor('KeyN', { shiftKey: true })).toBeNull();
    expect(idFor('KeyD', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(idFor('KeyQ')).toBeNull();
  });

  it('lets a viewer look around and copy, and nothing that changes the board', () => {
    const viewer = (code: string, extra: Partial<KeyInput> = {}) =>
      actionForKey(key(code, extra))?.action.viewer;
    for (const [code, extra] of [
      ['KeyV', {}],
      ['KeyH', {}],
      ['KeyA', { ctrlKey: true }],
      ['KeyC', { ctrlKey: true }],
      ['Equal', { ctrlKey: true }],
      ['Minus', { metaKey: true }],
      ['Digit0', { ctrlKey: true }],
      ['Digit1', { shiftKey: true }],
      ['Escape', {}],
    ] as const)
      expect(viewer(code, extra), code).toBe(true);
    for (const code of [
      'KeyN',
      'KeyT',
      'KeyR',
      'KeyO',
      'KeyD',
      'KeyF',
      'KeyC',
      'Delete',
      'Backspace',
      'ArrowLeft',
      'Enter',
    ])
      expect(viewer(code), code).toBe(false);
    for (const code of ['KeyZ', 'KeyY', 'KeyD', 'KeyX', 'KeyV'])
      expect(viewer(code, { ctrlKey: true }), code).toBe(false);
    expect(viewer('KeyZ', { ctrlKey: true, shiftKey: true })).toBe(false);
  });
});
