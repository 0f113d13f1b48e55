// Failed logins and lockouts (five failures lock an account for 15 minutes). Kept in logins.json
// beside the store rather than in the journal, because an encrypted store cannot be written before
// someone unlocks it and the CLI is a new process at every call. The audit entries for failures
// and lockouts wait in the same file until an unlocked store takes them into its journal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../../shared/domain/access';
import { atomicWriteFile, nodeFs } from '../../store/fsio';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const ATTEMPTS_FILE = 'logins.json';

interface AttemptsData {
  v: 1;
  users: Record<string, { failures: number; lockedUntil?: string }>;
  /** Audit entries not yet in the journal (failures while the store was locked). */
  pending: AuditEntry[];
}

const empty = (): AttemptsData => ({ v: 1, users: {}, pending: [] });

export class LoginAttempts {
  private memory?: AttemptsData;

  /** `dataDir` undefined: kept in memory (the memory store of tests). */
  constructor(private readonly dataDir: string | undefined) {
    if (!dataDir) this.memory = empty();
  }

  private read(): AttemptsData {
    if (this.memory) return this.memory;
    try {
      const d = JSON.parse(readFileSync(join(this.dataDir!, ATTEMPTS_FILE), 'utf8')) as AttemptsData;
      if (d && d.v === 1 && typeof d.users === 'object' && Array.isArray(d.pending)) {
        return { v: 1, users: Object.assign(Object.create(null), d.users), pending: d.pending };
      }
    } catch {
      /* none yet, or unreadable: start over (it only ever holds counters and pending entries) */
    }
    return empty();
  }

  private async write(d: AttemptsData): Promise<void> {
    if (this.memory) {
      this.memory = d;
      return;
    }
    await atomicWriteFile(nodeFs, join(this.dataDir!, ATTEMPTS_FILE), Buffer.from(JSON.stringify(d) + '\n'));
  }

  /** Until when `name` is locked out (undefined: it is not). */
  lockedUntil(name: string, now: Date): string | undefined {
    const u = this.read().users[name];
    return u?.lockedUntil && Date.parse(u.lockedUntil) > now.getTime() ? u.lockedUntil : undefined;
  }

  /** Counts a failure; the fifth in a row locks the account. Returns the lockout's end if it began now. */
  async fail(name: string, now: Date, entries: AuditEntry[]): Promise<string | undefined> {
    const d = this.read();
    const u = d.users[name] ?? { failures: 0 };
    if (u.lockedUntil && Date.parse(u.lockedUntil) <= now.getTime()) {
      u.failures = 0;
      delete u.lockedUntil;
    }
    u.failures += 1;
    let began: string | undefined;
    if (u.failures >= MAX_FAILED_LOGINS && !u.lockedUntil) {
      began = new Date(now.getTime() + LOCKOUT_MS).toISOString();
      u.lockedUntil = began;
    }
    d.users[name] = u;
    d.pending.push(...entries);
    await this.write(d);
    return began;
  }

  async succeed(name: string): Promise<void> {
    const d = this.read();
    if (!d.users[name]) return;
    delete d.users[name];
    await this.write(d);
  }

  /** An administrator's reset clears a lockout. */
  clear(name: string): Promise<void> {
    return this.succeed(name);
  }

  /** Queues audit entries for the journal (written by `takePending`'s caller). */
  async queue(entries: AuditEntry[]): Promise<void> {
    const d = this.read();
    d.pending.push(...entries);
    await this.write(d);
  }

  pending(): AuditEntry[] {
    return this.read().pending;
  }

  /** Drops the entries now in the journal. */
  async drop(ids: Set<string>): Promise<void> {
    const d = this.read();
    const kept = d.pending.filter((e) => !ids.has(e.id));
    if (kept.length === d.pending.length) return;
    d.pending = kept;
    await this.write(d);
  }
}
