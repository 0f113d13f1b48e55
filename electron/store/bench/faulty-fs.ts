// A StoreFs shim for fault injection: the Nth call of the chosen operations fails with EIO or
// ENOSPC. A failing write may first write part of its buffer (a torn write). In 'crash' mode every
// later call fails too (the process is as good as dead: nothing after the fault reaches the disk).
import { nodeFs, type StoreFs } from '../fsio';

export type FsOp = keyof StoreFs;

export interface FaultyFsOptions {
  /** 1-based index, among calls of `ops`, of the call that fails. */
  failAt: number;
  ops: FsOp[];
  mode?: 'error' | 'crash';
  code?: 'EIO' | 'ENOSPC';
  /** A failing write writes this fraction of its buffer first (default 0.5). */
  partial?: number;
  /** Start counting only after arm() (e.g. once the store is open). Default: counting from the start. */
  startDisarmed?: boolean;
}

export interface FaultyFs extends StoreFs {
  /** Whether the fault has happened. */
  readonly tripped: boolean;
  /** Calls of the watched operations so far. */
  readonly calls: number;
  arm(): void;
}

export function faultyFs(options: FaultyFsOptions, base: StoreFs = nodeFs): FaultyFs {
  let calls = 0;
  let tripped = false;
  let armed = !options.startDisarmed;
  const code = options.code ?? 'EIO';
  const fail = (op: string) => Object.assign(new Error(`${code}: injected fault in ${op}`), { code });
  const watched = new Set<string>(options.ops);
  function guard<K extends FsOp>(op: K): StoreFs[K] {
    const real = base[op] as (...args: unknown[]) => Promise<unknown>;
    return (async (...args: unknown[]) => {
      if (tripped && options.mode === 'crash') throw fail(op);
      if (armed && watched.has(op)) {
        calls++;
        if (calls === options.failAt) {
          tripped = true;
          if (op === 'write') {
            const [fd, data, position] = args as [number, Uint8Array, number];
            const part = Math.floor(data.length * (options.partial ?? 0.5));
            if (part > 0) await base.write(fd, data.subarray(0, part), position);
          }
          throw fail(op);
        }
      }
      return real(...args);
    }) as StoreFs[K];
  }
  const shim = {} as StoreFs;
  for (const op of Object.keys(base) as FsOp[]) (shim as Record<FsOp, unknown>)[op] = guard(op);
  Object.defineProperty(shim, 'tripped', { get: () => tripped });
  Object.defineProperty(shim, 'calls', { get: () => calls });
  (shim as FaultyFs).arm = () => {
    armed = true;
  };
  return shim as FaultyFs;
}
