// `cadre-ledger transfer CADRE --to CODE --on YYYY-MM-DD [--note TEXT]`: moves a cadre's ownership to
// another office (sync.transfer, docs/SYNC.md "Transfers"). The cadre keeps its id and its whole
// history; the `owners` record travels in the next package.
//
// Only ownership moves. The cadre's unit and peer group stay as they were: they are the receiving
// office's to set — it owns the cadre from now on and edits it with cadres.update, and its units
// and peer groups are its own (the sending township does not hold them). Until then the cadre keeps
// its old unit and peer group, which at the receiving office rank it among no one else.
import { dateSchema, type Bilingual } from '../../../shared/domain/primitives';
import { officeCodeSchema } from '../../../shared/sync/schema';
import { officeNameOf } from '../../../shared/views/officeScope';
import { CLI_SESSION, auditCli, signIn, valueOrThrow } from '../access';
import { exitCodes, UsageError } from '../io';
import { dataDir, onlyFlags, positionals, type Run } from '../run';

const usage = 'transfer CADRE --to CODE --on YYYY-MM-DD [--note TEXT]';

function flag(run: Run, name: string, what: Bilingual): string {
  const v = run.args.flags.get(name);
  if (typeof v !== 'string' || !v.trim()) throw new UsageError({ zh: `缺少 --${name} ${what.zh}`, en: `missing --${name} ${what.en}` });
  return v.trim();
}

export async function cmdTransfer(run: Run): Promise<number> {
  const [cadreId] = positionals(run, [{ zh: '干部编号', en: 'CADRE' }], usage);
  onlyFlags(run, ['to', 'on', 'note']);
  const to = flag(run, 'to', { zh: '单位代码', en: 'CODE' });
  if (!officeCodeSchema.safeParse(to).success) {
    throw new UsageError({ zh: `--to 应为单位代码（如 XZ01），而不是“${to}”`, en: `--to must be an office code (e.g. XZ01), not "${to}"` });
  }
  const on = flag(run, 'on', { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' });
  if (!dateSchema.safeParse(on).success) throw new UsageError({ zh: `--on 应为 YYYY-MM-DD，而不是“${on}”`, en: `--on must be YYYY-MM-DD, not "${on}"` });
  const note = typeof run.args.flags.get('note') === 'string' ? (run.args.flags.get('note') as string) : '';

  const s = await signIn(run, dataDir(run), 'transfer');
  try {
    valueOrThrow(await s.core.call('sync.transfer', { cadreId, to, on, note }, { session: CLI_SESSION }));
    const state = s.store.state();
    const name = state.cadres.get(cadreId)?.name ?? cadreId;
    const office = officeNameOf(state, to);
    run.out({
      zh: `已将干部 ${name}（${cadreId}）移交 ${office}（${to}），移交日期 ${on}。\n其单位和同级组仍为原值：由接收单位在导入数据包后修改（干部信息 → 编辑）。请用 export-package --to ${to} 把移交记录带过去。`,
      en: `Transferred ${name} (${cadreId}) to ${office} (${to}) on ${on}.\nIts unit and peer group are unchanged: the receiving office sets them after importing the package (edit the cadre). Take the transfer over with export-package --to ${to}.`,
    });
    await auditCli(s, 'transfer', `${cadreId} ${to}`);
    return exitCodes.ok;
  } finally {
    await s.core.close();
  }
}
