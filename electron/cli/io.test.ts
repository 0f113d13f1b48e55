// What the CLI prints cannot drive the terminal: control characters from the ledger (a cadre's
// name), from arguments or from files are removed; \n and \t stay; JSON output escapes them anyway.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/events';
import { openStore } from '../store/index';
import { terminalSafe } from './io';
import { cli } from './testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadre-cli-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminalSafe', () => {
  it('removes ESC sequences, NUL, CR, DEL and C1 controls, keeps \\n, \\t and CJK text', () => {
    expect(terminalSafe('甲\u001b[2J乙\u0000\r\u007f\u009b31m\n\t丙')).toBe('甲[2J乙31m\n\t丙');
  });
});

describe('the CLI', () => {
  it('prints a cadre name holding "\\u001b[2J" without the escape', async () => {
    const data = join(dir, 'ledger');
    expect((await cli(['--data', data, 'demo', '--cadres', '40', '--months', '12', '--end-month', '2024-06'])).code).toBe(0);
    const before = await cli(['--data', data, 'evaluate', '--as-of', '2024-06']);
    const id = /（(C\d+)）/.exec(before.stdout)![1]!;
    // A ledger written before names were checked: the event goes to the store as it is.
    const store = await openStore(data);
    const name = '王\u001b[2J\u001b]0;pwned\u0007五';
    await store.commit([{ type: 'put', collection: 'cadres', record: { ...store.state().cadres.get(id)!, name } } as LedgerEvent], { user: 'seed', command: 'seed' });
    await store.close();
    const out = await cli(['--data', data, 'evaluate', '--as-of', '2024-06']);
    expect(out.stdout).toContain('王[2J]0;pwned五');
    expect(out.stdout).not.toMatch(anyControl);
    const json = await cli(['--data', data, 'evaluate', '--as-of', '2024-06', '--json']);
    expect(json.stdout).not.toMatch(anyControl);
  });

  it('strips controls echoed from arguments in error messages', async () => {
    const out = await cli(['--data', join(dir, 'x'), 'import', 'salaries\u001b[2J', join(dir, 'a.csv')]);
    expect(out.stderr).toContain('salaries[2J');
    expect(out.stderr).not.toMatch(anyControl);
  });
});
