// The one IPC channel: 'ledger:call' (endpoint name, input) → Envelope. Only the app's own page,
// in the top frame, may call it; anything else gets UNAUTHORIZED without reaching the core.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallContext, Envelope } from '../../shared/contract';
import { isAppUrl } from './security';

export const callChannel = 'ledger:call';

export interface IpcCore {
  call(name: string, input: unknown, callCtx?: CallContext): Promise<Envelope<unknown>>;
}

export function refusedEnvelope(revision: number): Envelope<unknown> {
  return {
    ok: false,
    error: { code: 'UNAUTHORIZED', message: { zh: '拒绝来自非本程序页面的请求', en: 'refused: the request did not come from the app' } },
    revision,
  };
}

/** Whether an IPC message comes from the app's own top-level page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false; // an iframe, even one of ours, does not get the API
  return isAppUrl(frame.url);
}

export function registerLedgerIpc(core: IpcCore, user: () => string): () => void {
  ipcMain.handle(callChannel, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return refusedEnvelope(0);
    return core.call(typeof name === 'string' ? name : '', input, { user: user() });
  });
  return () => ipcMain.removeHandler(callChannel);
}
