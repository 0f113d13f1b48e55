// The core's V8 flags (scripts/core-flags.mjs, the one list) for the Electron main process when it
// was started without them — a packaged app, started from a shortcut. Electron reads `--js-flags`
// for the main process once, when its V8 starts, before this code runs (a flag set later, by
// v8.setFlagsFromString, does not resize the heap), so the main process relaunches itself once
// with them; `app.commandLine.appendSwitch` gives them to the processes Chromium starts after it.
import { coreNodeFlags } from '../../scripts/core-flags.mjs';

/** The part of Electron's `app` this needs (a fake in the tests). */
export interface FlagsApp {
  commandLine: { getSwitchValue(name: string): string; appendSwitch(name: string, value?: string): void };
  relaunch(options?: { args?: string[] }): void;
  exit(code?: number): void;
}

/** Set in the environment of the relaunched process: relaunch once, never in a loop. */
export const relaunchedForFlags = 'LEDGER_RELAUNCHED_FOR_V8_FLAGS';

/** Which of the core's flags the `--js-flags` value lacks. */
export function missingCoreFlags(jsFlags: string): string[] {
  const given = new Set(jsFlags.split(/\s+/).filter(Boolean));
  return coreNodeFlags.filter((f) => !given.has(f));
}

/**
 * Call before the app is ready. Returns true when this process is relaunching (it exits; the new
 * one, with the flags, takes over): the caller does nothing else.
 */
export function applyCoreV8Flags(app: FlagsApp, argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  const given = app.commandLine.getSwitchValue('js-flags');
  const missing = missingCoreFlags(given);
  if (!missing.length) return false;
  const jsFlags = [given.trim(), ...missing].filter(Boolean).join(' ');
  app.commandLine.appendSwitch('js-flags', jsFlags);
  // Already relaunched once and still without them (a launcher that drops switches): run as is.
  if (env[relaunchedForFlags]) return false;
  env[relaunchedForFlags] = '1';
  app.relaunch({ args: [`--js-flags=${jsFlags}`, ...argv.slice(1).filter((a) => !a.startsWith('--js-flags='))] });
  app.exit(0);
  return true;
}
