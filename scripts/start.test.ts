// `npm start` where the Electron binary is missing: one clear sentence in both languages, pointing
// to `npm run serve`, and exit code 1 (and no build is attempted first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start without the Electron binary', () => {
  it('says so once, in Chinese and English, and points to npm run serve', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-electron-'));
    try {
      const r = spawnSync(process.execPath, [join(root, 'scripts/start.mjs')], {
        cwd: root,
        encoding: 'utf8',
        // An empty Electron dist and no download attempt: the binary is "not installed".
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, LEDGER_NO_ELECTRON_DOWNLOAD: '1' },
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('未安装 Electron');
      expect(lines[0]).toContain('The Electron binary is not installed');
      expect(lines[0]).toContain('npm run serve');
      expect(r.stdout).not.toContain('build');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
