import { describe, expect, it, vi } from 'vitest';
import { onFormKeyDown } from './safeEntry';

function keyEvent(key: string, inside: string | null, ctrlKey = false) {
  const host = document.createElement('div');
  if (inside) host.className = inside;
  const input = document.createElement('input');
  host.appendChild(input);
  return { key, ctrlKey, metaKey: false, target: input, preventDefault: vi.fn() };
}

describe('onFormKeyDown', () => {
  it('keeps Enter in a date picker or a select from submitting the form', () => {
    const submit = vi.fn();
    for (const cls of ['ant-picker', 'ant-select']) {
      const e = keyEvent('Enter', cls);
      onFormKeyDown(submit)(e as never);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(submit).not.toHaveBeenCalled();
  });
  it('lets Enter in a plain field through and submits on Ctrl+Enter', () => {
    const submit = vi.fn();
    const plain = keyEvent('Enter', null);
    onFormKeyDown(submit)(plain as never);
    expect(plain.preventDefault).not.toHaveBeenCalled();
    const ctrl = keyEvent('Enter', 'ant-picker', true);
    onFormKeyDown(submit)(ctrl as never);
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
