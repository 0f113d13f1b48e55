// The IPC channels: 'ledger:call' (endpoint name, input) → Envelope, and the two print channels
// ('ledger:print', 'ledger:printToPDF'). Only the app's own page, in the top frame, may call them;
// anything else gets UNAUTHORIZED without reaching the core or the printer.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { CallContext, Envelope } from '../../shared/contract';
import type { PrintResult } from './preload';
import { isAppUrl } from './security';

export const callChannel = 'ledger:call';
export const printChannel = 'ledger:print';
export const printToPdfChannel = 'ledger:printToPDF';

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

/** The name the save dialog suggests: the page's file name without any folder, ending in .pdf. */
export function pdfFileName(requested: unknown): string {
  const raw = typeof requested === 'string' ? requested : '';
  const name = basename(raw.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .trim()
    .slice(0, 120);
  const stem = name.replace(/\.pdf$/i, '') || 'cadre-ledger';
  return `${stem}.pdf`;
}

function printContents(contents: WebContents): Promise<PrintResult> {
  return new Promise((resolve) => {
    // The system dialog: the officer picks the printer (or "Save as PDF") there.
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve({ ok: true });
      else if (/cancel/i.test(failureReason ?? '')) resolve({ ok: false, cancelled: true });
      else resolve({ ok: false, error: failureReason || 'print failed' });
    });
  });
}

async function savePdf(contents: WebContents, requested: unknown): Promise<PrintResult> {
  const win = BrowserWindow.fromWebContents(contents);
  const options = { defaultPath: pdfFileName(requested), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true, path: null };
  // A4 portrait as the office prints; the page's print style sheet decides what is on it.
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  await writeFile(choice.filePath, pdf);
  return { ok: true, path: choice.filePath };
}

/** print / printToPDF for the app page (the page itself cannot reach the printer or the disk). */
export function registerPrintIpc(): () => void {
  const refused: PrintResult = { ok: false, error: 'UNAUTHORIZED' };
  ipcMain.handle(printChannel, async (event) => (isTrustedSender(event) ? printContents(event.sender) : refused));
  ipcMain.handle(printToPdfChannel, async (event, fileName: unknown) => {
    if (!isTrustedSender(event)) return refused;
    try {
      return await savePdf(event.sender, fileName);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
  return () => {
    ipcMain.removeHandler(printChannel);
    ipcMain.removeHandler(printToPdfChannel);
  };
}
