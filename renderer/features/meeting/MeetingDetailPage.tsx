// 会议 (/meeting/:id): the meeting's details, the docket builder while it is a draft (grouped as
// such meetings are run; reorder, edit, remove, add free items, attach the case-file summary), the
// decisions item by item, confirmation (which records the effects in the case files and locks the
// meeting), corrections afterwards, and every document the core offers for it. The grouping, the
// proposals and the effects are the core's; this page only shows and sends them.
import { ArrowLeftOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocketItemInput, MeetingView } from '../../../shared/contract/meetings';
import { docketGroups, type DocketItem } from '../../../shared/domain/meetings';
import { api } from '../../api/client';
import { useOfficeScope } from '../../app/officeScope';
import { PrintButton } from '../../app/PrintButton';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { downloadDocument } from './documents';
import { CorrectionModal, DecisionModal, ItemModal, MeetingItemCard, type ItemEdit } from './MeetingItem';
import { MeetingFields, meetingDetails, meetingFieldNames, type MeetingFieldValues } from './MeetingFields';
import { MeetingTabs } from './MeetingTabs';
import { useFormSubmit } from '../../app/useFormSubmit';

/** What setDocket takes back: the item without its decision (kept by id in the core). */
function asInput(item: DocketItem): DocketItemInput {
  const { decision: _decision, ...rest } = item;
  return rest;
}

/** The items in docket order: by group as such meetings are run, the officer's order within a group. */
function inDocketOrder(items: DocketItem[]): DocketItem[] {
  return docketGroups.flatMap((g) => items.filter((i) => i.group === g));
}

function DetailsDrawer({ meeting, onClose, onSaved }: { meeting: MeetingView; onClose(): void; onSaved(v: MeetingView): void }) {
  const { t } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  const [form] = Form.useForm<MeetingFieldValues>();
  const { busy, general, submit: run } = useFormSubmit(form, meetingFieldNames);
  const submit = () =>
    run(async (v) => {
      onSaved(await api.meetings.update({ id: meeting.id, ...meetingDetails(v), title: v.title?.trim() || meeting.title }));
      onClose();
    });
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('detail.editTitle')}
      size={520}
      destroyOnHidden
      data-testid="meeting-edit"
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="meeting-edit-save">
            {tc('common.save')}
          </Button>
        </div>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form<MeetingFieldValues>
        form={form}
        layout="vertical"
        initialValues={{
          type: meeting.type,
          title: meeting.title,
          date: dayjs(meeting.date),
          place: meeting.place,
          chair: meeting.chair,
          recorder: meeting.recorder,
          attendees: meeting.attendees,
        }}
      >
        <MeetingFields />
      </Form>
    </Drawer>
  );
}

/** The office whose cadres the docket was prepared for (a New Area meeting about one township). */
function MeetingOfficeTag({ office }: { office: string }) {
  const { t } = useTranslation('meeting');
  const { nameOf } = useOfficeScope();
  return (
    <Tag color="geekblue" data-testid="meeting-detail-office">
      {t('detail.office', { office: nameOf(office) })}
    </Tag>
  );
}

export default function MeetingDetailPage({ params }: PageProps) {
  const { t, i18n } = useTranslation('meeting');
  const m = useQuery('meetings.get', { id: params.id });
  // The answer of the last command, shown at once; the refetched query replaces it.
  const [local, setLocal] = useState<MeetingView | null>(null);
  useEffect(() => setLocal(null), [m.data]);
  const v = local && local.id === params.id ? local : m.data;
  if (!v) {
    if (m.error) return <Alert type="error" showIcon title={pick(m.error.bilingual, i18n.language)} data-testid="meeting-error" />;
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  return <MeetingView meeting={v} onChanged={setLocal} />;
}

function MeetingView({ meeting: v, onChanged }: { meeting: MeetingView; onChanged(v: MeetingView): void }) {
  const { t } = useTranslation('meeting');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<DocketItem | 'new' | null>(null);
  const [deciding, setDeciding] = useState<DocketItem | null>(null);
  const [correcting, setCorrecting] = useState<{ itemId?: string } | null>(null);
  const [details, setDetails] = useState(false);
  const draft = v.status === 'draft';
  const items = useMemo(() => inDocketOrder(v.items), [v.items]);
  const docsOf = useMemo(() => new Map(v.itemDocuments.map((d) => [d.itemId, d])), [v.itemDocuments]);
  const decided = v.items.filter((i) => i.decision).length;
  const meetingCorrections = v.corrections.filter((c) => !c.itemId);

  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));

  async function saveDocket(next: DocketItem[]) {
    setBusy(true);
    try {
      onChanged(await api.meetings.setDocket({ id: v.id, items: next.map(asInput) }));
      message.success(t('detail.saved'));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  /** Swaps an item with its neighbour in the same group (the groups keep their order). */
  function move(item: DocketItem, by: -1 | 1) {
    const group = items.filter((i) => i.group === item.group);
    const at = group.indexOf(item);
    const other = group[at + by];
    if (!other) return;
    const next = items.slice();
    const a = next.indexOf(item);
    const b = next.indexOf(other);
    [next[a], next[b]] = [next[b], next[a]];
    void saveDocket(next);
  }

  async function saveItem(values: ItemEdit) {
    if (editing === 'new') {
      const cadres = await api.cadres.list({});
      const cadre = values.cadreId ? cadres.find((c) => c.id === values.cadreId) : undefined;
      const added: DocketItem = {
        id: '',
        group: 'free',
        freeKind: values.freeKind ?? 'other',
        subject: cadre ? { type: 'cadre', id: cadre.id } : null,
        subjectName: cadre?.name ?? '',
        title: values.title.trim(),
        proposedKind: null,
        proposal: values.proposal ?? '',
        basis: values.basis ?? '',
        evidenceIds: [],
        attachCaseFile: !!cadre && !!values.attachCaseFile,
      };
      const { id: _id, ...input } = asInput(added);
      setBusy(true);
      try {
        onChanged(await api.meetings.setDocket({ id: v.id, items: [...items.map(asInput), input] }));
        message.success(t('detail.saved'));
      } finally {
        setBusy(false);
      }
      return;
    }
    if (!editing) return;
    const target = editing;
    setBusy(true);
    try {
      onChanged(
        await api.meetings.setDocket({
          id: v.id,
          items: items.map((i) =>
            i.id === target.id
              ? asInput({ ...i, title: values.title.trim(), proposal: values.proposal ?? '', basis: values.basis ?? '', attachCaseFile: !!values.attachCaseFile })
              : asInput(i),
          ),
        }),
      );
      message.success(t('detail.saved'));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      const r = await api.meetings.confirm({ id: v.id });
      onChanged(r.meeting);
      message.success(t('detail.confirmed', { measures: r.measureIds.length, dismissals: r.dismissalIds.length, releases: r.releasedSanctionIds.length }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await api.meetings.delete({ id: v.id });
      message.success(t('detail.deleted'));
      navigate('/meeting');
    } catch (e) {
      fail(e);
    }
  }

  const download = (make: Parameters<typeof downloadDocument>[0]) =>
    void downloadDocument(make).then((name) => message.success(t('detail.downloaded', { name })), fail);

  let number = 0;
  return (
    <>
      <MeetingTabs active="meetings" />
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="meeting-detail" data-status={v.status}>
        <Card
          size="small"
          title={
            <Space wrap size={8}>
              <Button type="text" icon={<ArrowLeftOutlined />} href={hrefOf('/meeting')} aria-label={t('detail.back')} className="no-print" />
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-detail-title">
                {v.title}
              </Typography.Title>
              <Tag>{t(`type.${v.type}`)}</Tag>
              {v.office && <MeetingOfficeTag office={v.office} />}
              <Tag color={draft ? 'gold' : 'green'} data-testid="meeting-detail-status">
                {t(`status.${v.status}`)}
              </Tag>
            </Space>
          }
          extra={
            <Space wrap size={8} className="no-print">
              {draft && (
                <Button icon={<EditOutlined />} onClick={() => setDetails(true)} data-testid="meeting-edit-open">
                  {t('detail.edit')}
                </Button>
              )}
              {draft && (
                <Popconfirm title={t('detail.deleteConfirm')} onConfirm={() => void remove()} okButtonProps={{ 'data-testid': 'meeting-delete-confirm' } as never}>
                  <Button danger icon={<DeleteOutlined />} data-testid="meeting-delete">
                    {t('detail.delete')}
                  </Button>
                </Popconfirm>
              )}
              <PrintButton fileName={t('detail.printName', { title: v.title })} testId="meeting-detail-print" />
            </Space>
          }
        >
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('field.date')}>{v.date}</Descriptions.Item>
            <Descriptions.Item label={t('field.place')}>{v.place || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.chair')}>{v.chair || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.recorder')}>{v.recorder || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.attendees')} span={2}>
              {v.attendees.length ? v.attendees.join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.asOf')} span={2}>
              {t('detail.asOfNote', { month: v.asOf })}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap size={8} className="no-print" data-testid="meeting-documents">
            <Typography.Text type="secondary">{t('detail.documents')}：</Typography.Text>
            <Button size="small" icon={<FileWordOutlined />} onClick={() => download(() => api.documents.docket({ meetingId: v.id }))} data-testid="doc-docket">
              {t('detail.docket_doc')}
            </Button>
            <Button
              size="small"
              icon={<FileWordOutlined />}
              disabled={decided === 0}
              onClick={() => download(() => api.documents.minutes({ meetingId: v.id }))}
              data-testid="doc-minutes"
            >
              {t('detail.minutes_doc')}
            </Button>
          </Space>
        </Card>

        {!draft && (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            data-testid="meeting-locked"
            title={t('detail.locked')}
            description={v.confirmedAt ? t('detail.confirmedAt', { by: v.confirmedBy ?? '', at: v.confirmedAt.slice(0, 16).replace('T', ' ') }) : undefined}
            action={
              <Button size="small" onClick={() => setCorrecting({})} data-testid="meeting-correct" className="no-print">
                {t('detail.correct')}
              </Button>
            }
          />
        )}
        {meetingCorrections.length > 0 && (
          <Card size="small" title={t('detail.corrections')} data-testid="meeting-corrections">
            {meetingCorrections.map((c, i) => (
              <div key={i} data-testid="meeting-correction" className="print-keep" style={{ marginBottom: 6 }}>
                <Tag color="purple">{t('detail.correct')}</Tag>
                {c.text}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {t('detail.correctionAt', { by: c.by, at: c.at.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
              </div>
            ))}
          </Card>
        )}

        <Card
          size="small"
          data-testid="docket"
          // The header (decided count, add, confirm) stays in view while a long docket scrolls.
          styles={{ header: { position: 'sticky', top: 0, zIndex: 3, background: '#fff' } }}
          title={
            <Space wrap size={8}>
              <span>{t('detail.docket')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="docket-decided">
                {t('detail.decidedCount', { n: decided, total: v.items.length })}
              </Typography.Text>
            </Space>
          }
          extra={
            draft && (
              <Space wrap size={8} className="no-print">
                <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={busy} data-testid="docket-add">
                  {t('detail.addItem')}
                </Button>
                <Popconfirm
                  title={t('detail.confirmTitle')}
                  description={<div style={{ maxWidth: 380 }}>{t('detail.confirmText')}</div>}
                  onConfirm={() => void confirm()}
                  disabled={decided < v.items.length || v.items.length === 0}
                  okButtonProps={{ 'data-testid': 'meeting-confirm-ok' } as never}
                >
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    disabled={busy || decided < v.items.length || v.items.length === 0}
                    title={decided < v.items.length ? t('detail.confirmNeedAll') : undefined}
                    data-testid="meeting-confirm"
                  >
                    {t('detail.confirm')}
                  </Button>
                </Popconfirm>
              </Space>
            )
          }
        >
          {draft && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} className="no-print">
              {t('detail.docketHint')}
            </Typography.Paragraph>
          )}
          {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.docketEmpty')} />}
          {docketGroups.map((g) => {
            const inGroup = items.filter((i) => i.group === g);
            if (inGroup.length === 0) return null;
            return (
              <section key={g} data-testid="docket-group" data-group={g} style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: '8px 0' }}>
                  {t(`group.${g}`)}
                </Typography.Title>
                {inGroup.map((item, at) => {
                  number += 1;
                  return (
                    <MeetingItemCard
                      key={item.id}
                      meeting={v}
                      item={item}
                      number={number}
                      docs={docsOf.get(item.id)}
                      corrections={v.corrections.filter((c) => c.itemId === item.id)}
                      busy={busy}
                      moves={
                        draft
                          ? {
                              up: at > 0 ? () => move(item, -1) : undefined,
                              down: at < inGroup.length - 1 ? () => move(item, 1) : undefined,
                              edit: () => setEditing(item),
                              remove: () => void saveDocket(items.filter((i) => i.id !== item.id)),
                              toggleAttach: (on) => void saveDocket(items.map((i) => (i.id === item.id ? { ...i, attachCaseFile: on } : i))),
                            }
                          : undefined
                      }
                      onDecide={draft ? () => setDeciding(item) : undefined}
                      onCorrect={draft ? undefined : () => setCorrecting({ itemId: item.id })}
                    />
                  );
                })}
              </section>
            );
          })}
        </Card>
      </Space>
      {editing && <ItemModal item={editing === 'new' ? null : editing} office={v.office} onClose={() => setEditing(null)} onSave={saveItem} />}
      {deciding && <DecisionModal meeting={v} item={deciding} onClose={() => setDeciding(null)} onSaved={onChanged} />}
      {correcting && <CorrectionModal meeting={v} itemId={correcting.itemId} onClose={() => setCorrecting(null)} onSaved={onChanged} />}
      {details && <DetailsDrawer meeting={v} onClose={() => setDetails(false)} onSaved={onChanged} />}
    </>
  );
}
