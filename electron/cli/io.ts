// What the CLI writes to and reads from: injected so that tests run `runCli` in-process.
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
  /** Relative paths (data dir, files) resolve against this (default: process.cwd()). */
  cwd?: string;
  /** The host clock: `demo` ends its township at last month (tests fix it). */
  now?: () => Date;
  /**
   * Asks the person at the terminal (a password with `secret`, not echoed); undefined when there is
   * no terminal (scripts must then give LEDGER_PASSWORD / the flags).
   */
  prompt?(question: string, secret: boolean): Promise<string | undefined>;
  /** The OS account running the CLI: the administrator of a single-user ledger (tests set it). */
  osUser?: string;
}

// C0 controls but tab and line feed, DEL, and C1 controls (0x9B is a one-byte CSI on some
// terminals). A cadre's name like "\u001b[2J" would otherwise clear or rewrite the officer's screen.
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as it may reach a terminal: control characters other than \n and \t removed. */
export function terminalSafe(text: string): string {
  return text.replace(terminalControls, '');
}

/**
 * The same streams with every write made terminal-safe. JSON output is unaffected: JSON.stringify
 * already escapes control characters inside strings.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  const safe = (sink: TextSink): TextSink => ({ write: (text: string) => sink.write(terminalSafe(text)) });
  return { ...io, stdout: safe(io.stdout), stderr: safe(io.stderr) };
}

export type Lang = 'zh' | 'en';

export interface Bi {
  zh: string;
  en: string;
}

/** Exit codes (documented in `--help`). */
export const exitCodes = {
  ok: 0,
  /** Rows rejected and nothing imported, verify found damage, a file refused, a conflict. */
  failed: 1,
  usage: 2,
  /** The store is locked by another process, encrypted without a passphrase, or the passphrase is wrong. */
  locked: 3,
  /** No ledger in the data directory, or an input file does not exist. */
  notFound: 4,
  /** Damaged data or an unexpected error. */
  internal: 5,
} as const;

export class UsageError extends Error {
  constructor(readonly bilingual: Bi) {
    super(bilingual.en);
  }
}
