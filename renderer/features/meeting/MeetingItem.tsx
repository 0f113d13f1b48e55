// One docket item as the meeting reads it — the cadre or unit (linked to the case file), the
// proposed action, the basis and the records it rests on (each opens in the case file) — with the
// builder's buttons while the meeting is a draft, its decision, its documents and its corrections.
// Also the two dialogs an item has: edit (or add a free item) and record the decision.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../shared/contract/meetings';
import { decisionValues, freeItemKinds, type DecisionValue, type DocketItem, type FreeItemKind } from '../../../shared/domain/meetings';
import { measureKinds, type MeasureKind } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../app/formErrors';
import { isRecordId, recordHref } from '../../app/recordLink';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../db/cache';
import { useRuleName } from '../casefile/FindingsPanel';
import { downloadDocument } from './documents';
import { useFormSubmit } from '../../app/useFormSubmit';

export const decisionColor: Record<DecisionValue, string> = { approved: 'green', rejected: 'red', deferred: 'gold', approvedAmended: 'cyan' };

type Correction = MeetingView['corrections'][number];
type ItemDocuments = MeetingView['itemDocuments'][number];

function Line({ label, children, testId, className }: { label: string; children: ReactNode; testId?: string; className?: string }) {
  return (
    <div style={{ display: 'flex', gap: 8, marginTop: 4 }} data-testid={testId} className={className}>
      <Typography.Text type="secondary" className="cell-nowrap" style={{ flex: 'none', minWidth: 64 }}>
        {label}
      </Typography.Text>
      <div style={{ minWidth: 0, flex: 1, whiteSpace: 'pre-wrap' }}>{children}</div>
    </div>
  );
}

function Subject({ item }: { item: DocketItem }) {
  const { t } = useTranslation('meeting');
  const to = useTranslation('overview').t;
  if (!item.subject) return <Typography.Text type="secondary">{t('detail.subjectNone')}</Typography.Text>;
  if (item.subject.type === 'cadre')
    return (
      <a href={hrefOf(`/cadres/${encodeURIComponent(item.subject.id)}`)} className="cell-nowrap" data-testid="item-subject">
        {item.subjectName || item.subject.id}
      </a>
    );
  return (
    <Space size={4}>
      <a href={hrefOf(`/tracker?unit=${encodeURIComponent(item.subject.id)}`)} className="cell-nowrap" data-testid="item-subject">
        {item.subjectName || item.subject.id}
      </a>
      <Tag color="purple">{to('team')}</Tag>
    </Space>
  );
}

/** The records the basis rests on: each id opens that record in the cadre's case file. */
function EvidenceLinks({ item }: { item: DocketItem }) {
  const { t } = useTranslation('meeting');
  if (item.evidenceIds.length === 0) return null;
  const cadreId = item.subject?.type === 'cadre' ? item.subject.id : null;
  return (
    <Line label={t('detail.evidence')} testId="item-evidence">
      <Space size={[8, 0]} wrap>
        {item.evidenceIds.map((id) =>
          cadreId && isRecordId(id) ? (
            <Tooltip key={id} title={t('detail.evidenceHint')}>
              <a href={recordHref(cadreId, id)} data-testid="item-evidence-link" data-record={id} className="cell-nowrap">
                {id}
              </a>
            </Tooltip>
          ) : (
            <span key={id} className="cell-nowrap">
              {id}
            </span>
          ),
        )}
      </Space>
    </Line>
  );
}

export interface ItemMoves {
  up?: () => void;
  down?: () => void;
  edit: () => void;
  remove: () => void;
  toggleAttach: (on: boolean) => void;
}

export function MeetingItemCard({
  meeting,
  item,
  number,
  docs,
  corrections,
  moves,
  busy,
  onDecide,
  onCorrect,
}: {
  meeting: MeetingView;
  item: DocketItem;
  number: number;
  docs?: ItemDocuments;
  corrections: Correction[];
  /** Present while the meeting is a draft. */
  moves?: ItemMoves;
  busy: boolean;
  onDecide?: () => void;
  onCorrect?: () => void;
}) {
  const { t } = useTranslation('meeting');
  const tk = useTranslation('casefile').t;
  const ruleName = useRuleName();
  const { message } = App.useApp();
  const d = item.decision;
  const download = (make: Parameters<typeof downloadDocument>[0]) =>
    void downloadDocument(make).then(
      (name) => message.success(t('detail.downloaded', { name })),
      (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    );
  return (
    <div
      className="print-keep"
      data-testid="docket-item"
      data-item={item.id}
      data-group={item.group}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 8, background: '#fff' }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <Typography.Text strong style={{ flex: 'none' }}>
          {number}.
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={6} wrap>
            <Typography.Text strong data-testid="item-title">
              {item.title}
            </Typography.Text>
            {item.freeKind && <Tag>{t(`freeKind.${item.freeKind}`)}</Tag>}
            {d ? (
              <Tag color={decisionColor[d.value]} data-testid="item-decision">
                {t(`decision.${d.value}`)}
              </Tag>
            ) : (
              meeting.status === 'draft' && <Tag data-testid="item-decision">{t('detail.undecided')}</Tag>
            )}
          </Space>
        </div>
        {moves && (
          <Space size={2} className="no-print" style={{ flex: 'none' }}>
            <Tooltip title={t('detail.up')}>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={!moves.up || busy} onClick={moves.up} aria-label={t('detail.up')} data-testid="item-up" />
            </Tooltip>
            <Tooltip title={t('detail.down')}>
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={!moves.down || busy} onClick={moves.down} aria-label={t('detail.down')} data-testid="item-down" />
            </Tooltip>
            <Button size="small" type="text" icon={<EditOutlined />} disabled={busy} onClick={moves.edit} data-testid="item-edit">
              {t('detail.editItem')}
            </Button>
            <Popconfirm title={t('detail.removeConfirm', { title: item.title })} onConfirm={moves.remove} okButtonProps={{ 'data-testid': 'item-remove-confirm' } as never}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={busy} data-testid="item-remove">
                {t('detail.remove')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <div style={{ paddingInlineStart: 22 }}>
        <Line label={t('field.subject')}>
          <Subject item={item} />
        </Line>
        <Line label={t('detail.proposedAction')} testId="item-proposal">
          <Space size={6} wrap>
            {item.proposedKind ? <Tag color="orange">{tk(`measureKind.${item.proposedKind}`)}</Tag> : null}
            {item.proposedMonths ? <span>{t('detail.months', { n: item.proposedMonths })}</span> : null}
          </Space>
          {item.proposal ? <span>{item.proposal}</span> : !item.proposedKind && <Typography.Text type="secondary">{t('detail.noAction')}</Typography.Text>}
        </Line>
        {item.basis && (
          <Line label={t('field.basis')} testId="item-basis">
            <span style={{ fontSize: 13 }}>{item.basis}</span>
            {item.rule && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('detail.rule', { rule: ruleName(item.rule) })}
              </Typography.Text>
            )}
          </Line>
        )}
        <EvidenceLinks item={item} />
        {item.subject?.type === 'cadre' && (moves || item.attachCaseFile) && (
          <Line label={t('field.attachCaseFile')} className={moves && !item.attachCaseFile ? 'no-print' : undefined}>
            {moves ? (
              <Switch size="small" checked={item.attachCaseFile} disabled={busy} onChange={moves.toggleAttach} data-testid="item-attach" />
            ) : (
              <span>✓</span>
            )}
          </Line>
        )}
        {d && (
          <Line label={t('field.decision')} testId="item-decision-line">
            <Space size={6} wrap>
              <Tag color={decisionColor[d.value]}>{t(`decision.${d.value}`)}</Tag>
              {d.votes && <span>{t('detail.votesText', d.votes)}</span>}
              {d.amendedKind && <Tag color="cyan">{tk(`measureKind.${d.amendedKind}`)}</Tag>}
              {d.amendedMonths && <span>{t('detail.months', { n: d.amendedMonths })}</span>}
            </Space>
            {d.amendedProposal && <div>{d.amendedProposal}</div>}
            {d.note && <div style={{ color: '#595959' }}>{d.note}</div>}
            {(d.measureId || d.dismissalId || d.sanctionId) && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="item-recorded">
                {t('detail.recorded')}：
                {[
                  d.measureId && t('detail.recordedMeasure', { id: d.measureId }),
                  d.dismissalId && t('detail.recordedDismissal', { id: d.dismissalId }),
                  d.sanctionId && t('detail.recordedRelease', { id: d.sanctionId }),
                ]
                  .filter(Boolean)
                  .join('，')}
              </Typography.Text>
            )}
          </Line>
        )}
        {corrections.map((c, i) => (
          <Alert
            key={i}
            type="info"
            style={{ marginTop: 6, padding: '4px 8px' }}
            data-testid="item-correction"
            title={
              <span>
                <Tag color="purple">{t('detail.correct')}</Tag>
                {c.text}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {t('detail.correctionAt', { by: c.by, at: c.at.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
              </span>
            }
          />
        ))}
        {(onDecide || onCorrect || docs?.appointmentForm || docs?.notice) && (
          <Space size={8} wrap style={{ marginTop: 6 }} className="no-print">
            {onDecide && (
              <Button size="small" type={d ? 'default' : 'primary'} ghost={!d} onClick={onDecide} disabled={busy} data-testid="item-decide">
                {t('detail.decide')}
              </Button>
            )}
            {docs?.appointmentForm && (
              <Button
                size="small"
                icon={<FileWordOutlined />}
                onClick={() => download(() => api.documents.appointmentForm({ meetingId: meeting.id, itemId: item.id }))}
                data-testid="item-appointment-form"
              >
                {t('detail.appointmentForm_doc')}
              </Button>
            )}
            {docs?.notice && (
              <Button
                size="small"
                icon={<FileWordOutlined />}
                onClick={() => download(() => api.documents.notice({ meetingId: meeting.id, itemId: item.id }))}
                data-testid="item-notice"
              >
                {t(`notice.${docs.notice}`)}
              </Button>
            )}
            {onCorrect && (
              <Button size="small" onClick={onCorrect} data-testid="item-correct">
                {t('detail.correct')}
              </Button>
            )}
          </Space>
        )}
      </div>
    </div>
  );
}

// ---- dialogs ------------------------------------------------------------------------------------

export interface ItemEdit {
  title: string;
  proposal: string;
  basis: string;
  attachCaseFile: boolean;
  freeKind?: FreeItemKind;
  cadreId?: string;
}

/** 修改议题 / 添加议题: a scrolling body, the buttons always in view. */
export function ItemModal({
  item,
  office,
  onClose,
  onSave,
}: {
  /** null: a new free item (动议 / 确定考察对象 / 其他). */
  item: DocketItem | null;
  /** The office the meeting's docket is for (a New Area meeting about one township): its cadres only. */
  office?: string;
  onClose(): void;
  onSave(values: ItemEdit): Promise<void>;
}) {
  const { t } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  const [form] = Form.useForm<ItemEdit>();
  const { busy, general, submit: run } = useFormSubmit(form, ['title', 'proposal', 'basis']);
  const isFree = !item || item.group === 'free';
  const cadres = useQuery('cadres.list', {}, { enabled: !item });
  const submit = () =>
    run(async (values) => {
      await onSave(values);
      onClose();
    });
  return (
    <Modal
      open
      title={item ? t('detail.editItemTitle') : t('detail.addItemTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'item-save' } as never}
      cancelButtonProps={{ 'data-testid': 'item-cancel' } as never}
      data-testid="item-modal"
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form<ItemEdit>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? { title: item.title, proposal: item.proposal, basis: item.basis, attachCaseFile: item.attachCaseFile, freeKind: item.freeKind }
            : { title: '', proposal: '', basis: '', attachCaseFile: false, freeKind: 'motion' }
        }
      >
        {!item && (
          <Form.Item name="freeKind" label={t('field.freeKind')}>
            <Radio.Group
              optionType="button"
              data-testid="item-free-kind"
              options={freeItemKinds.map((k) => ({ value: k, label: t(`freeKind.${k}`) }))}
            />
          </Form.Item>
        )}
        {!item && (
          <Form.Item name="cadreId" label={t('field.subject')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('detail.subjectNone')}
              data-testid="item-cadre"
              options={(cadres.data ?? []).filter((c) => !office || c.office === office).map((c) => ({ value: c.id, label: `${c.name}（${c.position || c.id}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('field.itemTitle')} rules={[{ required: true, whitespace: true, message: tc('errors.checkFields') }]}>
          <Input maxLength={300} data-testid="item-title-input" />
        </Form.Item>
        <Form.Item name="proposal" label={t('field.proposal')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="item-proposal-input" />
        </Form.Item>
        <Form.Item name="basis" label={t('field.basis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="item-basis-input" />
        </Form.Item>
        {(!isFree || item) && item?.subject?.type === 'cadre' && (
          <Form.Item name="attachCaseFile" label={t('field.attachCaseFile')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

interface DecisionValues {
  value: DecisionValue;
  for?: number | null;
  against?: number | null;
  abstain?: number | null;
  note?: string;
  amendedKind?: MeasureKind;
  amendedMonths?: number | null;
  amendedProposal?: string;
}

/** 记录决定: 同意 / 不同意 / 暂缓 / 修改后同意, the votes if taken, a note. */
export function DecisionModal({ meeting, item, onClose, onSaved }: { meeting: MeetingView; item: DocketItem; onClose(): void; onSaved(v: MeetingView): void }) {
  const { t, i18n } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  const tk = useTranslation('casefile').t;
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const value = Form.useWatch('value', form);
  const d = item.decision;

  async function save(clear = false) {
    let v: DecisionValues;
    try {
      v = clear ? ({ value: 'approved' } as DecisionValues) : await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setGeneral([]);
    try {
      const anyVotes = [v.for, v.against, v.abstain].some((n) => typeof n === 'number');
      const amended = v.value === 'approvedAmended';
      const view = await api.meetings.decide({
        id: meeting.id,
        itemId: item.id,
        value: clear ? null : v.value,
        note: clear ? '' : (v.note ?? ''),
        ...(!clear && anyVotes ? { votes: { for: v.for ?? 0, against: v.against ?? 0, abstain: v.abstain ?? 0 } } : {}),
        ...(!clear && amended && v.amendedKind ? { amendedKind: v.amendedKind } : {}),
        ...(!clear && amended && typeof v.amendedMonths === 'number' ? { amendedMonths: v.amendedMonths } : {}),
        ...(!clear && amended && v.amendedProposal?.trim() ? { amendedProposal: v.amendedProposal.trim() } : {}),
      });
      onSaved(view);
      onClose();
    } catch (e) {
      setGeneral(applyFieldErrors(form as never, e, i18n.language, ['value', 'note', 'votes.for', 'votes.against', 'votes.abstain', 'amendedKind', 'amendedMonths', 'amendedProposal']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('detail.decideTitle', { title: item.title })}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      data-testid="decision-modal"
      footer={
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span>
            {d && (
              <Button danger onClick={() => void save(true)} disabled={busy} data-testid="decision-clear">
                {t('detail.clearDecision')}
              </Button>
            )}
          </span>
          <Space>
            <Button onClick={onClose} data-testid="decision-cancel">
              {tc('common.cancel')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="decision-save">
              {tc('common.save')}
            </Button>
          </Space>
        </div>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        initialValues={{
          value: d?.value ?? 'approved',
          for: d?.votes?.for ?? null,
          against: d?.votes?.against ?? null,
          abstain: d?.votes?.abstain ?? null,
          note: d?.note ?? '',
          amendedKind: d?.amendedKind ?? item.proposedKind ?? undefined,
          amendedMonths: d?.amendedMonths ?? item.proposedMonths ?? null,
          amendedProposal: d?.amendedProposal ?? item.proposal,
        }}
      >
        <Form.Item name="value" label={t('field.decision')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="decision-value" options={decisionValues.map((v) => ({ value: v, label: t(`decision.${v}`) }))} />
        </Form.Item>
        {value === 'approvedAmended' && (
          <>
            {item.proposedKind && (
              <Space.Compact block style={{ gap: 12 }}>
                <Form.Item name="amendedKind" label={t('field.amendedKind')} style={{ flex: 2 }}>
                  <Select options={measureKinds.map((k) => ({ value: k, label: tk(`measureKind.${k}`) }))} data-testid="decision-amended-kind" />
                </Form.Item>
                <Form.Item name="amendedMonths" label={t('field.amendedMonths')} style={{ flex: 1 }}>
                  <InputNumber min={1} max={120} style={{ width: '100%' }} />
                </Form.Item>
              </Space.Compact>
            )}
            <Form.Item name="amendedProposal" label={t('field.amendedProposal')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="decision-amended-proposal" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('field.votes')} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Form.Item name="for" noStyle>
              <InputNumber min={0} max={999} addonBefore={t('field.votesFor')} style={{ width: 150 }} data-testid="decision-for" />
            </Form.Item>
            <Form.Item name="against" noStyle>
              <InputNumber min={0} max={999} addonBefore={t('field.votesAgainst')} style={{ width: 150 }} data-testid="decision-against" />
            </Form.Item>
            <Form.Item name="abstain" noStyle>
              <InputNumber min={0} max={999} addonBefore={t('field.votesAbstain')} style={{ width: 150 }} data-testid="decision-abstain" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="note" label={t('field.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 更正: a new, visible entry after confirmation; the confirmed items stay as they were. */
export function CorrectionModal({ meeting, itemId, onClose, onSaved }: { meeting: MeetingView; itemId?: string; onClose(): void; onSaved(v: MeetingView): void }) {
  const { t, i18n } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  const [form] = Form.useForm<{ itemId?: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  async function submit() {
    let v: { itemId?: string; text: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setGeneral([]);
    try {
      const view = await api.meetings.correct({ id: meeting.id, ...(v.itemId ? { itemId: v.itemId } : {}), text: v.text });
      onSaved(view);
      onClose();
    } catch (e) {
      setGeneral(applyFieldErrors(form as never, e, i18n.language, ['itemId', 'text']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('detail.correctTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'correction-save' } as never}
      data-testid="correction-modal"
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form form={form} layout="vertical" initialValues={{ itemId: itemId ?? '', text: '' }}>
        <Form.Item name="itemId" label={t('field.correctionItem')}>
          <Select
            options={[{ value: '', label: t('field.correctionWhole') }, ...meeting.items.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }))]}
          />
        </Form.Item>
        <Form.Item name="text" label={t('field.correction')} rules={[{ required: true, whitespace: true, message: tc('errors.checkFields') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="correction-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
