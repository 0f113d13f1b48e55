// Settings → 数据交换: the sync between offices (electron/sync, docs/SYNC.md) behind the contract.
import { LedgerError } from '../../shared/contract/errors';
import { localizeId, qualifyId } from '../../shared/sync/ids';
import type { Owner } from '../../shared/sync/records';
import { certifyOffice, createOffice, officeIdentity, trustFile } from '../sync/ceremony';
import { exportPackage, importPackages, listConflicts, listOffices, resolveConflict } from '../sync/exchange';
import { identityOf, metaId, metaOf, requireIdentity, type OwnFeed } from '../sync/office';
import { officesOf, selfOfficeOf, trustedOfficeList } from '../../shared/views/officeScope';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

type SyncEndpoint =
  | 'sync.office'
  | 'sync.createOffice'
  | 'sync.identity'
  | 'sync.trust'
  | 'sync.certify'
  | 'sync.export'
  | 'sync.preview'
  | 'sync.import'
  | 'sync.conflicts'
  | 'sync.resolve'
  | 'sync.offices'
  | 'sync.transfer'
  | 'sync.scopes';

function officeInfo(ctx: ServiceContext) {
  const state = ctx.store.state();
  if (!identityOf(state)) return null;
  const id = officeIdentity(ctx.store);
  const feed = metaOf<OwnFeed>(state, metaId.feed)!;
  return {
    code: id.code,
    name: id.name,
    fingerprint: id.fingerprint,
    certificate: id.certificate ? { issuer: id.certificate.body.issuer, validFrom: id.certificate.body.validFrom, validTo: id.certificate.body.validTo } : null,
    feed: { epoch: feed.epoch, seq: feed.seq },
  };
}

const files = (list: Array<{ name: string; base64: string }>) => list.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));

export function syncHandlers(ctx: ServiceContext): HandlerGroup<SyncEndpoint> {
  return {
    'sync.office': async () => officeInfo(ctx),
    'sync.createOffice': async ({ code, name }, call) => {
      await createOffice(ctx.store, code, name, ctx.now(), call.user);
      return officeInfo(ctx)!;
    },
    'sync.identity': async () => {
      const { fingerprint: _f, certificate: _c, ...identity } = officeIdentity(ctx.store);
      return { fileName: `${identity.code}.identity.json`, text: JSON.stringify(identity, null, 2) + '\n' };
    },
    'sync.trust': async ({ text }, call) => trustFile(ctx.store, text, todayOf(ctx.now()), call.user),
    'sync.certify': async ({ text, validFrom, validTo }, call) => {
      if (validTo < validFrom) {
        throw new LedgerError('VALIDATION', { zh: '有效期的结束日期早于开始日期。', en: 'The validity ends before it starts.' }, [
          { path: 'validTo', message: { zh: '早于开始日期', en: 'before the start' } },
        ]);
      }
      const cert = await certifyOffice(ctx.store, text, { from: validFrom, to: validTo }, call.user);
      return { fileName: `${cert.body.code}.certificate.json`, text: JSON.stringify(cert, null, 2) + '\n' };
    },
    'sync.export': async ({ to, selection, encrypt }, call) => {
      const r = await exportPackage(ctx.store, to, { now: ctx.now(), selection, encrypt, user: call.user });
      return { fileName: r.fileName, base64: r.bytes.toString('base64'), entries: r.entries, encrypted: r.encrypted };
    },
    'sync.preview': async (input, call) => importPackages(ctx.store, files(input.files), { now: ctx.now(), preview: true, user: call.user }),
    'sync.import': async (input, call) => importPackages(ctx.store, files(input.files), { now: ctx.now(), user: call.user }),
    'sync.conflicts': async () => listConflicts(ctx.store.state()),
    'sync.resolve': async (input, call) => resolveConflict(ctx.store, input, { user: call.user }),
    'sync.offices': async () => listOffices(ctx.store.state()),
    'sync.scopes': async () => {
      const state = ctx.store.state();
      return { self: selfOfficeOf(state), offices: officesOf(state).filter((o) => o.code !== ''), trusted: trustedOfficeList(state) };
    },
    'sync.transfer': async ({ cadreId, to, on, note }, call) => {
      const state = ctx.store.state();
      const self = requireIdentity(state);
      const cadre = state.cadres.get(cadreId);
      if (!cadre) throw new LedgerError('NOT_FOUND', { zh: `干部“${cadreId}”不存在`, en: `unknown cadre "${cadreId}"` }, [{ path: 'cadreId', message: { zh: '不存在', en: 'unknown' } }]);
      const current = state.owners.get(cadreId) as Owner | undefined;
      const from = current?.collection === 'cadres' ? current.office : qualifyId(cadreId, self.code).split('.')[0];
      if (from === to) throw new LedgerError('VALIDATION', { zh: `该干部已属于 ${to}。`, en: `The cadre already belongs to ${to}.` });
      if (to !== self.code && !metaOf(state, metaId.trust(to))) {
        throw new LedgerError('VALIDATION', { zh: `本单位不认识单位 ${to}：请先信任其身份或证书。`, en: `This office does not know office ${to}: trust its identity or certificate first.` }, [
          { path: 'to', message: { zh: '未知的单位', en: 'unknown office' } },
        ]);
      }
      const owner: Owner = {
        id: localizeId(cadreId, self.code),
        collection: 'cadres',
        office: to,
        history: [...(current?.history ?? []), { from, to, on, by: call.user, note }],
      };
      const { revision } = await ctx.store.commit([{ type: 'put', collection: 'owners', record: owner }], { user: call.user, command: 'sync.transfer' });
      return { cadreId, office: to, revision };
    },
  };
}
