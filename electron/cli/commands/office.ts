// `cadre-ledger office show | identity OUT | trust FILE | certify FILE OUT [--valid-to YYYY-MM-DD]`:
// this office's identity and the certificate ceremony between offices (docs/SYNC.md).
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../io';
import { exitCodes } from '../io';
import { certifyOffice, createOffice, officeIdentity, trustFile } from '../../sync/ceremony';
import { metaId, metaOf, type OwnFeed } from '../../sync/office';
import { todayOf } from '../../services/context';
import { openStore } from '../../store/index';
import { filePath, onlyFlags, withStore, type Run } from '../run';

const usage = 'office show | office identity OUT | office trust FILE | office certify FILE OUT [--valid-to YYYY-MM-DD]';

export async function cmdOffice(run: Run): Promise<number> {
  const [sub, ...rest] = run.args.positionals;
  const now = (run.io.now ?? (() => new Date()))();
  const today = todayOf(now);
  const arity = (n: number) => {
    if (rest.length !== n) throw new UsageError({ zh: `用法：cadre-ledger --data 目录 ${usage}`, en: `usage: cadre-ledger --data DIR ${usage}` });
  };
  switch (sub) {
    case 'show':
      arity(0);
      onlyFlags(run, []);
      return withStore(run, async (store) => {
        const id = officeIdentity(store);
        const feed = metaOf<OwnFeed>(store.state(), metaId.feed)!;
        const cert = id.certificate?.body;
        run.out({
          zh: `单位：${id.name}（${id.code}）\n密钥指纹：${id.fingerprint}\n证书：${cert ? `由 ${cert.issuer} 签发，${cert.validFrom} 至 ${cert.validTo}` : '无（新区党工委办公室不需要；乡镇请导入新区签发的证书）'}\n数据流：第 ${feed.epoch} 段，第 ${feed.seq} 号`,
          en: `Office: ${id.name} (${id.code})\nKey fingerprint: ${id.fingerprint}\nCertificate: ${cert ? `issued by ${cert.issuer}, ${cert.validFrom} to ${cert.validTo}` : 'none (the New Area needs none; a township installs the one the New Area issues)'}\nFeed: epoch ${feed.epoch}, entry ${feed.seq}`,
        });
        return exitCodes.ok;
      });
    case 'identity': {
      arity(1);
      onlyFlags(run, []);
      const out = filePath(run, rest[0]);
      return withStore(run, async (store) => {
        const { fingerprint, certificate: _c, ...identity } = officeIdentity(store);
        await writeFile(out, JSON.stringify(identity, null, 2) + '\n');
        run.out({
          zh: `已写出本单位的身份文件：${out}\n指纹：${fingerprint}（请对方导入后电话核对）`,
          en: `Wrote this office's identity file: ${out}\nFingerprint: ${fingerprint} (compare it by phone once the other office has imported it)`,
        });
        return exitCodes.ok;
      });
    }
    case 'trust': {
      arity(1);
      onlyFlags(run, []);
      const text = await readFile(filePath(run, rest[0]), 'utf8');
      return withStore(run, async (store, user) => {
        const outcome = await trustFile(store, text, today, user);
        run.out(outcome.message);
        return exitCodes.ok;
      });
    }
    case 'certify': {
      arity(2);
      onlyFlags(run, ['valid-to']);
      const validTo = run.args.flags.get('valid-to');
      const to = typeof validTo === 'string' ? validTo : `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new UsageError({ zh: '--valid-to 应为 YYYY-MM-DD', en: '--valid-to must be YYYY-MM-DD' });
      const text = await readFile(filePath(run, rest[0]), 'utf8');
      const out = filePath(run, rest[1]);
      return withStore(run, async (store, user) => {
        const cert = await certifyOffice(store, text, { from: today, to }, user);
        await writeFile(out, JSON.stringify(cert, null, 2) + '\n');
        run.out({
          zh: `已为 ${cert.body.name}（${cert.body.code}）签发证书（${today} 至 ${to}）：${out}\n请将其带回该单位，用 office trust 导入。`,
          en: `Certified ${cert.body.name} (${cert.body.code}) from ${today} to ${to}: ${out}\nTake it back to that office and import it with office trust.`,
        });
        return exitCodes.ok;
      });
    }
    default:
      throw new UsageError({ zh: `用法：cadre-ledger --data 目录 ${usage}`, en: `usage: cadre-ledger --data DIR ${usage}` });
  }
}

/** `init --office CODE --office-name NAME`: gives the ledger just created its office identity. */
export async function initOffice(run: Run, dir: string, passphrase: string | undefined): Promise<void> {
  const code = run.args.flags.get('office');
  const name = run.args.flags.get('office-name');
  if (code === undefined && name === undefined) return;
  if (typeof code !== 'string' || typeof name !== 'string') {
    throw new UsageError({ zh: '--office 与 --office-name 须同时给出', en: '--office and --office-name go together' });
  }
  const now = (run.io.now ?? (() => new Date()))();
  // Opened directly, like init's administrator: the ledger was created by this very command.
  const store = await openStore(dir, { passphrase, autoBackup: false });
  try {
    const id = await createOffice(store, code, name, now, 'init');
    run.out({
      zh: `单位身份：${id.name}（${id.code}），密钥指纹 ${officeIdentity(store).fingerprint}。`,
      en: `Office identity: ${id.name} (${id.code}), key fingerprint ${officeIdentity(store).fingerprint}.`,
    });
  } finally {
    await store.close();
  }
}
