// 评议会议 (/meeting): past and upcoming meetings with their items, decisions and documents, and
// "新建会议", which proposes the docket from the findings of the header's month. The docket
// builder, the decisions and the documents are on the meeting's own page (/meeting/:id).
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Empty, Form, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRow } from '../../../shared/contract/meetings';
import { decisionValues } from '../../../shared/domain/meetings';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { useOfficeScope } from '../../app/officeScope';
import { OfficeScopeTag, useScopeEmpty } from '../../app/OfficeScopeNote';
import { PrintButton } from '../../app/PrintButton';
import { usePrinting } from '../../app/print';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { useCan, useSession } from '../session/store';
import { downloadDocument } from './documents';
import { MeetingTabs } from './MeetingTabs';
import { decisionColor } from './MeetingItem';
import { MeetingFields, meetingDetails, meetingFieldNames, type MeetingFieldValues } from './MeetingFields';
import { useFormSubmit } from '../../app/useFormSubmit';

/** A meeting opened in the list: its items with their decisions, and its documents. */
function MeetingSummary({ id }: { id: string }) {
  const { t, i18n } = useTranslation('meeting');
  const { message } = App.useApp();
  const m = useQuery('meetings.get', { id });
  if (m.error) return <Alert type="error" showIcon title={pick(m.error.bilingual, i18n.language)} />;
  if (!m.data) return <Spin />;
  const v = m.data;
  const download = (make: Parameters<typeof downloadDocument>[0]) =>
    void downloadDocument(make).then(
      (name) => message.success(t('detail.downloaded', { name })),
      (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    );
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="meeting-summary">
      {v.items.length === 0 ? (
        <Typography.Text type="secondary">{t('list.noItems')}</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {v.items.map((i) => (
            <li key={i.id} className="print-keep">
              <Space size={6} wrap>
                <span>{i.title}</span>
                {i.decision ? <Tag color={decisionColor[i.decision.value]}>{t(`decision.${i.decision.value}`)}</Tag> : <Tag>{t('detail.undecided')}</Tag>}
              </Space>
            </li>
          ))}
        </ol>
      )}
      <Space wrap size={8} className="no-print">
        <Button size="small" icon={<FileWordOutlined />} onClick={() => download(() => api.documents.docket({ meetingId: v.id }))} data-testid="summary-docket">
          {t('detail.docket_doc')}
        </Button>
        {v.items.some((i) => i.decision) && (
          <Button size="small" icon={<FileWordOutlined />} onClick={() => download(() => api.documents.minutes({ meetingId: v.id }))}>
            {t('detail.minutes_doc')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

interface CreateValues extends MeetingFieldValues {
  fromFindings: boolean;
}

/** 新建会议: the details, and the docket proposed from the month's findings (shaped afterwards). */
function CreateMeetingDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('meeting');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const asOf = useAsOf((s) => s.asOf);
  const today = useSession((s) => s.info?.today);
  // The header's office scope: the docket of one township's findings (the meeting keeps the office), or all.
  const { office, ready } = useOfficeScope();
  const why = useScopeEmpty();
  const proposed = useQuery('meetings.proposeDocket', { asOf: asOf ?? '', ...(office ? { office } : {}) }, { enabled: open && !!asOf && ready });
  const [form] = Form.useForm<CreateValues>();
  const { busy, general, submit: run } = useFormSubmit(form, meetingFieldNames);
  const fromFindings = Form.useWatch('fromFindings', form) ?? true;
  // Groups the officer leaves off this meeting (e.g. the rewards go to another one).
  const [leftOut, setLeftOut] = useState<Set<string>>(new Set());
  const p = proposed.data;

  const submit = () =>
    run(async (values) => {
      if (!asOf) return;
      const view = await api.meetings.create({
        ...meetingDetails(values),
        asOf,
        ...(office ? { office } : {}),
        items: values.fromFindings && p ? p.items.filter((i) => !leftOut.has(i.group)) : [],
      });
      message.success(t('create.created'));
      onClose();
      navigate(`/meeting/${encodeURIComponent(view.id)}`);
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('create.title')}
      size={520}
      destroyOnHidden
      data-testid="meeting-create"
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose} data-testid="meeting-create-cancel">
            {tc('common.cancel')}
          </Button>
          <Button type="primary" loading={busy} disabled={fromFindings && !p} onClick={() => void submit()} data-testid="meeting-create-submit">
            {t('create.submit')}
          </Button>
        </div>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ type: 'cadreWork', date: today ? dayjs(today) : dayjs(), fromFindings: true, attendees: [] }}
        data-testid="meeting-create-form"
      >
        <MeetingFields />
        <Form.Item name="fromFindings" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="meeting-from-findings">
            <Space size={6}>
              {t('create.fromFindings', { month: asOf })}
              <OfficeScopeTag />
            </Space>
          </Checkbox>
        </Form.Item>
      </Form>
      {fromFindings &&
        (!p ? (
          <Spin />
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="meeting-proposed">
            {!p.hasScores && <Alert type="warning" showIcon title={t('create.noScores', { month: p.asOf })} />}
            <Typography.Text>
              {p.items.length ? t('create.fromFindingsHint', { n: p.items.length }) : why(t('create.fromFindingsNone', { month: p.asOf }))}
            </Typography.Text>
            {p.items.length > 0 && (
              <ProposedGroups
                items={p.items}
                leftOut={leftOut}
                onToggle={(g, on) =>
                  setLeftOut((prev) => {
                    const next = new Set(prev);
                    if (on) next.delete(g);
                    else next.add(g);
                    return next;
                  })
                }
              />
            )}
            {p.informational.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('create.informational', { n: p.informational.reduce((s, r) => s + r.count, 0) })}
              </Typography.Text>
            )}
          </Space>
        ))}
    </Drawer>
  );
}

/** The proposed items by group, each group on or off for this meeting. */
function ProposedGroups({ items, leftOut, onToggle }: { items: { group: string }[]; leftOut: Set<string>; onToggle(group: string, on: boolean): void }) {
  const { t } = useTranslation('meeting');
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.group, (counts.get(i.group) ?? 0) + 1);
  return (
    <Space orientation="vertical" size={2} style={{ paddingInlineStart: 8 }}>
      {[...counts].map(([g, n]) => (
        <Checkbox key={g} checked={!leftOut.has(g)} onChange={(e) => onToggle(g, e.target.checked)} data-testid="meeting-proposed-group" data-group={g}>
          {t(`group.${g}`)}
          {t('create.groupCount', { n })}
        </Checkbox>
      ))}
    </Space>
  );
}

export default function MeetingsPage() {
  const canPrepare = useCan()('meetings.prepare');
  const { t, i18n } = useTranslation('meeting');
  const { message } = App.useApp();
  const asOf = useAsOf((s) => s.asOf);
  const list = useQuery('meetings.list', {});
  const printing = usePrinting((s) => s.printing);
  const [creating, setCreating] = useState(false);
  const rows = list.data?.items ?? [];

  return (
    <>
      <MeetingTabs active="meetings" />
      <Card
        data-testid="meetings"
        // The subtitle wraps under the title (a card title is cut at one line otherwise; English is long).
        styles={{ title: { whiteSpace: 'normal' } }}
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('list.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('list.subtitle')}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space className="no-print">
            {asOf && (
              <Button
                icon={<FileWordOutlined />}
                data-testid="meetings-proposed-docket"
                onClick={() =>
                  void downloadDocument(() => api.documents.docket({ asOf })).then(
                    (name) => message.success(t('detail.downloaded', { name })),
                    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
                  )
                }
              >
                {t('list.proposedDocket', { month: asOf })}
              </Button>
            )}
            <PrintButton fileName={t('list.printName')} testId="meetings-print" />
            {canPrepare && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new">
                {t('list.create')}
              </Button>
            )}
          </Space>
        }
      >
        {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual, i18n.language)} />}
        {!list.data && !list.error && <Spin style={{ display: 'block', margin: 24 }} />}
        {list.data &&
          (rows.length === 0 ? (
            <Empty description={t('list.empty')} data-testid="meetings-empty" />
          ) : (
            <Table<MeetingRow>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={printing ? false : { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={(r) => ({ 'data-testid': 'meeting-list-row', 'data-id': r.id }) as never}
              expandable={{ expandedRowRender: (r) => <MeetingSummary id={r.id} />}}
              columns={[
                {
                  title: t('list.col.title'),
                  key: 'title',
                  render: (_, r) => (
                    <a href={hrefOf(`/meeting/${encodeURIComponent(r.id)}`)} data-testid="meeting-list-open">
                      {r.title}
                    </a>
                  ),
                },
                { title: t('list.col.type'), key: 'type', width: 150, render: (_, r) => <span className="cell-nowrap">{t(`type.${r.type}`)}</span> },
                { title: t('list.col.date'), dataIndex: 'date', width: 110, className: 'cell-nowrap' },
                { title: t('list.col.place'), dataIndex: 'place', width: 140, ellipsis: true, render: (v: string) => v || '—' },
                {
                  title: t('list.col.status'),
                  key: 'status',
                  width: 170,
                  render: (_, r) => (
                    <Space size={4} wrap>
                      <Tag color={r.status === 'confirmed' ? 'green' : 'gold'} data-testid="meeting-list-status">
                        {t(`status.${r.status}`)}
                      </Tag>
                      {r.status === 'draft' && <Tag>{t(r.upcoming ? 'status.upcoming' : 'status.past')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('list.col.items'), key: 'items', width: 80, align: 'right', render: (_, r) => t('list.itemsCount', { n: r.itemCount }) },
                {
                  title: t('list.col.decided'),
                  key: 'decided',
                  width: 200,
                  render: (_, r) => (
                    <Space size={4} wrap>
                      <span className="cell-nowrap">{t('list.decidedCount', { n: r.decidedCount, total: r.itemCount })}</span>
                      {decisionValues
                        .filter((d) => r.decisions[d])
                        .map((d) => (
                          <Tag key={d} color={decisionColor[d]} style={{ marginInlineEnd: 0 }}>
                            {t(`decision.${d}`)} {r.decisions[d]}
                          </Tag>
                        ))}
                      {r.correctionCount > 0 && <Tag color="purple">{t('list.corrections', { n: r.correctionCount })}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          ))}
      </Card>
      {creating && <CreateMeetingDrawer open onClose={() => setCreating(false)} />}
    </>
  );
}
