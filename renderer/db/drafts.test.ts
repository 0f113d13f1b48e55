import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { clearDraft, deserializeDraft, loadDraft, saveDraft, serializeDraft, useDraft } from './drafts';

function fakeForm(initial: Record<string, unknown> = {}) {
  let values = { ...initial };
  return {
    getFieldsValue: () => values,
    setFieldsValue: (v: Record<string, unknown>) => {
      values = { ...values, ...v };
    },
    set(v: Record<string, unknown>) {
      values = { ...values, ...v };
    },
    get values() {
      return values;
    },
  };
}

describe('draft storage', () => {
  it('round-trips dates through IndexedDB', async () => {
    const v = { name: '张伟', appointedOn: dayjs('2024-03-05'), nested: { d: dayjs('2020-01-01') } };
    const back = deserializeDraft(serializeDraft(v)) as typeof v;
    expect(back.appointedOn.format('YYYY-MM-DD')).toBe('2024-03-05');
    expect(back.nested.d.format('YYYY-MM-DD')).toBe('2020-01-01');
    await saveDraft('t:1', v);
    const loaded = await loadDraft('t:1');
    expect((loaded!.values.appointedOn as dayjs.Dayjs).format('YYYY-MM-DD')).toBe('2024-03-05');
    await clearDraft('t:1');
    expect(await loadDraft('t:1')).toBeUndefined();
  });
  it('does not keep an empty form as a draft', async () => {
    await saveDraft('t:2', { name: '', leader: false });
    expect(await loadDraft('t:2')).toBeUndefined();
  });
});

describe('useDraft', () => {
  it('autosaves, offers the draft to a new form (reload), restores and clears it', async () => {
    const first = fakeForm();
    const a = renderHook(() => useDraft('cadre:new', first, 10));
    await waitFor(() => expect(a.result.current.ready).toBe(true));
    expect(a.result.current.pending).toBeNull();
    first.set({ name: '李强' });
    act(() => a.result.current.onValuesChange());
    await waitFor(async () => expect((await loadDraft('cadre:new'))?.values.name).toBe('李强'));
    a.unmount();

    // "Reload": a fresh form with the same id finds the draft.
    const second = fakeForm();
    const b = renderHook(() => useDraft('cadre:new', second, 10));
    await waitFor(() => expect(b.result.current.pending).not.toBeNull());
    act(() => b.result.current.restore());
    expect(second.values.name).toBe('李强');
    expect(b.result.current.pending).toBeNull();
    await act(() => b.result.current.clear());
    expect(await loadDraft('cadre:new')).toBeUndefined();
  });

  it('discarding removes the draft', async () => {
    await saveDraft('unit:new', { name: '党政办' });
    const form = fakeForm();
    const h = renderHook(() => useDraft('unit:new', form, 10));
    await waitFor(() => expect(h.result.current.pending).not.toBeNull());
    act(() => h.result.current.discard());
    await waitFor(async () => expect(await loadDraft('unit:new')).toBeUndefined());
    expect(form.values.name).toBeUndefined();
  });
});
