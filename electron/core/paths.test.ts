import { describe, expect, it } from 'vitest';
import { defaultDataDir, demoDataDirFor } from './paths';

describe('defaultDataDir', () => {
  it('prefers LEDGER_DATA_DIR', () => {
    expect(defaultDataDir({ LEDGER_DATA_DIR: '/srv/ledger' }, 'linux', '/home/a')).toBe('/srv/ledger');
  });
  it('uses the per-user app data folder of each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/cadre-ledger');
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/cadre-ledger');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/cadre-ledger');
    expect(defaultDataDir({ APPDATA: '/c/AppData/Roaming' }, 'win32', '/c')).toMatch(/Roaming[\\/]cadre-ledger$/);
  });
  it('puts the demo beside the ledger', () => {
    expect(demoDataDirFor('/srv/ledger/')).toBe('/srv/ledger-demo');
  });
});
