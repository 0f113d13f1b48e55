// Runs in the sandboxed renderer before the page: exposes `window.ledger`, a frozen object with one
// group per contract domain (`ledger.cadres.list(input)`), `ledger.revision()`, and the two print
// calls the shell does for the page (`ledger.print()`, `ledger.printToPDF(fileName)`). Nothing else
// of Electron or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { endpointNames, type Envelope } from '../../shared/contract';

export const callChannel = 'ledger:call';
export const printChannel = 'ledger:print';
export const printToPdfChannel = 'ledger:printToPDF';

/** What the shell answers a print request: printed (or PDF saved at `path`), cancelled, or failed. */
export interface PrintResult {
  ok: boolean;
  cancelled?: boolean;
  /** printToPDF: where the file was saved (null when the officer cancelled the save dialog). */
  path?: string | null;
  error?: string;
}

type Invoke = (channel: string, ...args: unknown[]) => Promise<any>;
export type PreloadLedger = Readonly<Record<string, Readonly<Record<string, (input?: unknown) => Promise<unknown>>>>> & {
  revision: () => number;
  /** The system print dialog for the page (webContents.print). */
  print: () => Promise<PrintResult>;
  /** The page as a PDF, saved where the officer chooses (webContents.printToPDF + save dialog). */
  printToPDF: (fileName?: string) => Promise<PrintResult>;
};

/**
 * Errors cross contextBridge as a plain Error with only its message kept, so the error's shape
 * travels as JSON in the message (the renderer's client parses it back).
 */
export function envelopeError(error: Extract<Envelope<unknown>, { ok: false }>['error']): Error {
  return new Error(`${error.code}: ${JSON.stringify(error)}`);
}

export function buildPreloadApi(invoke: Invoke, names: readonly string[] = endpointNames): PreloadLedger {
  let revision = 0;
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of names) {
    const dot = name.indexOf('.');
    const group = name.slice(0, dot);
    const method = name.slice(dot + 1);
    (groups[group] ??= {})[method] = async (input?: unknown) => {
      const envelope = await invoke(callChannel, name, input ?? {});
      if (typeof envelope?.revision === 'number') revision = envelope.revision;
      if (!envelope || typeof envelope !== 'object') {
        throw envelopeError({ code: 'INTERNAL', message: { zh: '主进程没有应答', en: 'no answer from the main process' } });
      }
      if (!envelope.ok) throw envelopeError(envelope.error);
      return envelope.value;
    };
  }
  for (const g of Object.values(groups)) Object.freeze(g);
  return Object.freeze({
    ...groups,
    revision: () => revision,
    print: () => invoke(printChannel) as Promise<PrintResult>,
    printToPDF: (fileName?: string) => invoke(printToPdfChannel, typeof fileName === 'string' ? fileName : '') as Promise<PrintResult>,
  }) as PreloadLedger;
}

contextBridge.exposeInMainWorld(
  'ledger',
  buildPreloadApi((channel, name, input) => ipcRenderer.invoke(channel, name, input)),
);
