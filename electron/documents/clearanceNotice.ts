// 澄清正名通知书 (issue 9): tells the cadre that an allegation was verified as false and that the
// record no longer counts, lists what it applied while it stood so that it can be restored, and
// names who verified it and the scope. A revocation (撤销) gets the same layout with its own
// wording: the authority withdrew its decision. The model is shared/views/clearance.ts's.
import { chineseDate, defaultIssuer, sentence } from '../../shared/documents/text';
import type { ClearanceNoticeModel } from '../../shared/views/clearance';
import { addressee, blank, body, labelled, officialDocument, signature, subtitle, table, title, type Block } from './layout';

const dateOr = (iso: string, missing = '（待填）') => (iso ? chineseDate(iso) : missing);

export interface ClearanceNoticeOptions {
  /** 发文机关署名 (the ledger holds no organisation name). */
  issuer?: string;
}

export function clearanceNoticeBlocks(m: ClearanceNoticeModel, options: ClearanceNoticeOptions = {}): Block[] {
  const revocation = m.kind === 'revocation';
  const a = m.allegation;
  const record = `${dateOr(a.date, '')}${a.kindLabel.zh}${a.documentNo ? `，${a.documentNo}` : ''}`;
  const what = a.summary ? `反映你“${a.summary.replace(/[。.]$/, '')}”的问题` : `${record}所涉问题`;
  const paragraphs = revocation
    ? [
        `${chineseDate(m.date)}，决定撤销${dateOr(a.date, '')}对你作出的${a.kindLabel.zh}${a.documentNo ? `（${a.documentNo}）` : ''}。`,
        '自撤销之日起，该记录不再作为对你考核评价、评优评先和选拔任用的依据。',
      ]
    : [
        `关于${what}，${m.verification.verifiedBy ? `经${m.verification.verifiedBy}` : '经组织'}${m.verification.verifiedOn ? `于${chineseDate(m.verification.verifiedOn)}` : ''}调查核实，反映问题不属实。现予以澄清正名。`,
        `该记录（${record}）自始不作为对你考核评价、评优评先和选拔任用的依据。`,
        ...(m.scope ? [`澄清范围：${sentence(m.scope)}`] : []),
      ];
  const effects = m.effects.map((e) => e.zh).filter(Boolean);
  const blocks: Block[] = [
    ...title(revocation ? '撤销决定通知书' : '澄清正名通知书'),
    ...(m.documentNo ? [subtitle(m.documentNo), blank()] : []),
    addressee(`${m.cadre.name}同志：`),
    ...paragraphs.map((p) => body(p)),
    body(effects.length ? '该记录存续期间对你产生的下列影响，予以纠正、恢复：' : '该记录未对你产生需要恢复的其他影响。'),
    ...effects.map((e, i) => body(`${i + 1}. ${sentence(e)}`)),
    ...(m.note ? [body(sentence(m.note))] : []),
    blank(),
    table({
      widths: [1, 3],
      keepTogether: true,
      rows: [
        [{ text: '干部', label: true }, `${m.cadre.name}（${m.cadre.unitName}${m.cadre.position}）`],
        [{ text: '原记录', label: true }, `${record}（${a.recordId}）`],
        ...(revocation
          ? []
          : [
              [{ text: '核实单位（人）', label: true }, m.verification.verifiedBy || '（待填）'],
              [{ text: '核实日期', label: true }, dateOr(m.verification.verifiedOn)],
              [{ text: '澄清范围', label: true }, m.scope || '（待填）'],
            ]),
      ],
    }),
    ...signature(options.issuer ?? defaultIssuer, chineseDate(m.date)),
  ];
  if (m.cadre.unitName) blocks.push(blank(), labelled('抄送：', m.cadre.unitName));
  return blocks;
}

export function renderClearanceNotice(model: ClearanceNoticeModel, options: ClearanceNoticeOptions = {}): Promise<Buffer> {
  return officialDocument({
    title: model.kind === 'revocation' ? '撤销决定通知书' : '澄清正名通知书',
    subject: 'clearance',
    sections: [clearanceNoticeBlocks(model, options)],
  });
}
