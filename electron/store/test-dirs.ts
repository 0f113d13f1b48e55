// Temp data directories for the store's vitest tests: a fresh one per call, all removed after
// each test. (Apart from test-helpers.ts, which the crash harness imports outside vitest.)
import { afterEach } from 'vitest';
import { tempDir } from './test-helpers';

export function tempDirs(prefix?: string): () => string {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    cleanups.forEach((c) => c());
    cleanups = [];
  });
  return () => {
    const t = tempDir(prefix);
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
