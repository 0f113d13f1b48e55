// One template per notice kind. A notice (通知) is addressed to the cadre: 文号, title, 同志：, the
// body, the facts table, the signature. A decision (决定) names the cadre in its first paragraph and
// ends with 抄送. The inquiry adds the reply slip on a page of its own.
import type { NoticeKind, NoticeModel } from '../../shared/documents/notices';
import { addressee, blank, body, labelled, officialDocument, pageBreak, signature, subtitle, table, title, type Block } from './layout';

function facts(model: NoticeModel): Block[] {
  return model.fields.length ? [blank(), table({ widths: [1, 3], keepTogether: true, rows: model.fields.map(([k, v]) => [{ text: k, label: true }, v]) })] : [];
}

function head(model: NoticeModel): Block[] {
  return [...title(model.title), ...(model.documentNo ? [subtitle(model.documentNo), blank()] : [])];
}

function notice(model: NoticeModel): Block[] {
  return [
    ...head(model),
    addressee(model.addressee),
    ...model.paragraphs.map((p) => body(p)),
    ...facts(model),
    ...signature(model.issuer, model.date),
  ];
}

function decision(model: NoticeModel): Block[] {
  return [
    ...head(model),
    ...model.paragraphs.map((p) => body(p)),
    ...facts(model),
    ...signature(model.issuer, model.date),
    ...(model.copyTo ? [blank(), labelled('抄送：', model.copyTo)] : []),
  ];
}

const templates: Record<NoticeKind, (model: NoticeModel) => Block[]> = {
  reminderTalk: (m) => notice(m),
  inquiry: (m) => [
    ...notice(m),
    ...(m.reply
      ? [
          pageBreak(),
          ...title(m.reply.title),
          table({
            widths: [1, 3],
            rows: m.reply.rows.map(([k, v]) => [{ text: k, label: true }, v]),
            rowHeights: { 2: 6000 },
          }),
        ]
      : []),
  ],
  admonishment: (m) => decision(m),
  probation: (m) => notice(m),
  transitionalPlacement: (m) => decision(m),
  sanctionRelease: (m) => [...notice(m), ...(m.copyTo ? [blank(), labelled('抄送：', m.copyTo)] : [])],
};

export function noticeBlocks(model: NoticeModel): Block[] {
  return templates[model.kind](model);
}

export function renderNotice(model: NoticeModel): Promise<Buffer> {
  return officialDocument({ title: model.title, subject: model.kind, sections: [noticeBlocks(model)] });
}

/** Several notices in one file, each starting on a new page (its own section). */
export function renderNotices(models: readonly NoticeModel[]): Promise<Buffer> {
  return officialDocument({
    title: models.length === 1 ? models[0].title : '会议决定事项通知',
    subject: 'notices',
    sections: models.length ? models.map(noticeBlocks) : [[body('本次会议没有需要印发通知的决定事项。')]],
  });
}
