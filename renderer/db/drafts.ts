// Drafts: a form being filled in is saved to IndexedDB as the user types (debounced) and offered
// back after a reload or a crash of the window; a successful submit clears it. With an encrypted
// ledger a draft is sealed (AES-GCM, WebCrypto) with a key made at each unlock and held only in
// memory, never stored: nothing readable reaches the disk, and a draft does not outlive the
// unlocked session (docs/ACCESS.md).
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { db } from './db';

type Values = Record<string, unknown>;

/** Dates (dayjs) survive IndexedDB as tagged strings. */
export function serializeDraft(v: unknown): unknown {
  if (dayjs.isDayjs(v)) return { $date: (v as Dayjs).format('YYYY-MM-DD') };
  if (Array.isArray(v)) return v.map(serializeDraft);
  if (v && typeof v === 'object') {
    const out: Values = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = serializeDraft(x);
    return out;
  }
  return v;
}
export function deserializeDraft(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deserializeDraft);
  if (v && typeof v === 'object') {
    const o = v as Values;
    if (typeof o.$date === 'string' && Object.keys(o).length === 1) return dayjs(o.$date);
    const out: Values = {};
    for (const [k, x] of Object.entries(o)) out[k] = deserializeDraft(x);
    return out;
  }
  return v;
}

function hasContent(values: Values): boolean {
  return Object.values(values).some((v) => v !== undefined && v !== null && v !== '' && v !== false);
}

/** Sealing: off (plain store), or on with the key of this unlock (null once locked: nothing is kept). */
let sealing: { key: CryptoKey | null } | null = null;

/**
 * For an encrypted ledger: a fresh in-memory key, and every draft made before (under another key,
 * or in plain text) is deleted. `false` (plain ledger): drafts are kept as they are.
 */
export async function protectDrafts(encrypted: boolean): Promise<void> {
  if (!encrypted) {
    sealing = null;
    return;
  }
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await db.drafts.clear().catch(() => undefined);
  sealing = { key };
}

/** The session locked: the key is forgotten, so the sealed drafts can no longer be read. */
export function forgetDraftKey(): void {
  if (sealing) sealing = { key: null };
}

const toBase64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function seal(key: CryptoKey, values: unknown): Promise<Values> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(values))));
  return { $sealed: toBase64(iv), ct: toBase64(ct) };
}

async function unseal(key: CryptoKey, sealed: Values): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(String(sealed.$sealed)) }, key, fromBase64(String(sealed.ct)));
  return JSON.parse(new TextDecoder().decode(plain));
}

export async function saveDraft(formId: string, values: Values): Promise<void> {
  if (!hasContent(values) || (sealing && !sealing.key)) {
    await db.drafts.delete(formId);
    return;
  }
  const stored = serializeDraft(values) as Values;
  await db.drafts.put({ formId, values: sealing?.key ? await seal(sealing.key, stored) : stored, updatedAt: Date.now() });
}
export async function loadDraft(formId: string): Promise<{ values: Values; updatedAt: number } | undefined> {
  const row = await db.drafts.get(formId);
  if (!row) return undefined;
  let stored: unknown = row.values;
  if (typeof row.values.$sealed === 'string') {
    if (!sealing?.key) return undefined;
    try {
      stored = await unseal(sealing.key, row.values);
    } catch {
      return undefined; // sealed under an earlier unlock's key: unreadable by design
    }
  } else if (sealing) {
    return undefined; // a plain draft never shows in an encrypted ledger (protectDrafts deletes them)
  }
  return { values: deserializeDraft(stored) as Values, updatedAt: row.updatedAt };
}
export async function clearDraft(formId: string): Promise<void> {
  await db.drafts.delete(formId);
}

/** The part of an antd FormInstance the hook needs. */
export interface DraftForm {
  getFieldsValue(all: true): unknown;
  setFieldsValue(values: never): void;
}

export interface DraftControl {
  /** A draft was found on mount and not yet restored or discarded. */
  pending: { updatedAt: number } | null;
  restore(): void;
  discard(): void;
  /** Pass to `<Form onValuesChange>`: saves the whole form, debounced. */
  onValuesChange(): void;
  /** Call after a successful submit. */
  clear(): Promise<void>;
  /** The draft lookup on mount is done. */
  ready: boolean;
  /** When the last autosave landed (shown as "草稿已自动保存"), null before the first. */
  savedAt: number | null;
}

/**
 * Autosaves `form` under `formId` and offers a saved draft back. While a found draft is pending
 * (neither restored nor discarded), typing does not overwrite it.
 */
export function useDraft(formId: string, form: DraftForm, delayMs = 400): DraftControl {
  const [pending, setPending] = useState<{ updatedAt: number; values: Values } | null>(null);
  const [ready, setReady] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  useEffect(() => {
    let live = true;
    setReady(false);
    setPending(null);
    void loadDraft(formId).then((d) => {
      if (!live) return;
      if (d && hasContent(d.values)) setPending(d);
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [formId]);

  const flush = useCallback(() => {
    timer.current = null;
    void saveDraft(formId, form.getFieldsValue(true) as Values).then(
      () => setSavedAt(Date.now()),
      () => undefined,
    );
  }, [formId, form]);

  // Save what is typed before the window goes away.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        flush();
      }
    },
    [flush],
  );

  const onValuesChange = useCallback(() => {
    if (pendingRef.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  }, [flush, delayMs]);

  const restore = useCallback(() => {
    const d = pendingRef.current;
    if (!d) return;
    (form.setFieldsValue as (v: Values) => void)(d.values);
    setPending(null);
  }, [form]);

  const discard = useCallback(() => {
    setPending(null);
    void clearDraft(formId);
  }, [formId]);

  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setPending(null);
    setSavedAt(null);
    await clearDraft(formId);
  }, [formId]);

  return { pending: pending ? { updatedAt: pending.updatedAt } : null, restore, discard, onValuesChange, clear, ready, savedAt };
}
