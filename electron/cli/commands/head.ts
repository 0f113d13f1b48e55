// `cadre-ledger head [--json]`: the current head of the journal's hash chain — the external anchor
// (docs/ACCESS.md). Written into meeting minutes or sent to another office, it lets anyone later
// prove that the history up to that point was not rewritten: verify must still pass through it.
import { FileStore } from '../../store/index';
import { signIn } from '../access';
import { exitCodes } from '../io';
import { dataDir, onlyFlags, positionals, type Run } from '../run';

export async function cmdHead(run: Run): Promise<number> {
  positionals(run, [], 'head [--json]');
  onlyFlags(run, ['json']);
  const s = await signIn(run, dataDir(run), 'head');
  try {
    const store = s.store;
    const head = store instanceof FileStore ? store.headHash : '';
    const at = (run.io.now ?? (() => new Date()))().toISOString();
    if (run.args.flags.has('json')) {
      run.io.stdout.write(JSON.stringify({ head, revision: store.revision, at }) + '\n');
      return exitCodes.ok;
    }
    run.out(head);
    run.err({
      zh: `（截至第 ${store.revision} 个事件的链头，${at}。抄入会议记录或发给其他单位作见证；以后 verify 时它必须仍在链上。）`,
      en: `(the chain head after event #${store.revision}, ${at}. Write it into the minutes or send it to another office as a witness; a later verify must still pass through it.)`,
    });
    return exitCodes.ok;
  } finally {
    await s.core.close();
  }
}
