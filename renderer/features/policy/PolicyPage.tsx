// 政策版本 (Settings → 政策版本, #/policy): the versions this ledger holds, the one in force in the
// header's month marked, a version read as sections with each threshold named, and — for the
// reviewer — 发布新版本 from the version in force and 撤回 of one not yet in force.
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, ConfigProvider, Descriptions, Empty, Form, Input, Modal, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyRow } from '../../../shared/contract/policy';
import { policySections, policyValueText, valueAt } from '../../../shared/policy/labels';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { useOfficeScope } from '../../app/officeScope';
import { navigate } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { onFormKeyDown, useRequired } from '../../app/safeEntry';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { useCan } from '../session/store';
import { IssueDrawer } from './IssueDrawer';
import { ChangeList, VersionTags } from './parts';

function spanOf(row: PolicyRow, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (row.until && row.until < row.effectiveFrom) return t('span.never', { from: row.effectiveFrom });
  return row.until ? t('span.range', { from: row.effectiveFrom, until: row.until }) : t('span.from', { from: row.effectiveFrom });
}

function issuerName(row: PolicyRow, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (row.issuer.own) return row.issuer.name ? t('nameCode', { name: t('tag.own'), code: row.issuer.name }) : t('tag.own');
  return t('nameCode', { name: row.issuer.name, code: row.issuer.code });
}

// The sections are tabs on the left (ten do not fit in a row beside the version list at 1366 px:
// antd hid the rest in a “…” menu), with short names and compact rows so the list fits 650 px in
// height; a section's full title heads its pane, which scrolls.
const sectionBody = { maxHeight: 'calc(100vh - 390px)', minHeight: 200, overflow: 'auto' } as const;
const compactTabs = { components: { Tabs: { verticalItemPadding: '5px 12px', verticalItemMargin: '0' } } };

/** One version, read as the sections of DOMAIN.md §4, each threshold named in the UI language. */
function VersionDetail({ row, onWithdraw, canReview }: { row: PolicyRow; onWithdraw(): void; canReview: boolean }) {
  const { t, i18n } = useTranslation('policy');
  const got = useQuery('policy.get', { id: row.id });
  const doc = got.data?.document;
  const lang = i18n.language;
  const changes = got.data?.changes ?? [];
  return (
    <Card
      size="small"
      data-testid="policy-detail"
      title={
        <Space size={8} wrap>
          <Typography.Text strong>
            {pick(row.label, lang)} · {row.version}
          </Typography.Text>
          <VersionTags row={row} />
        </Space>
      }
      extra={
        canReview &&
        row.pending &&
        row.issuer.own && (
          <Button danger size="small" onClick={onWithdraw} data-testid="policy-withdraw-open">
            {t('withdraw.open')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={3} styles={{ label: { width: 90 } }} style={{ marginBottom: 4 }}>
        <Descriptions.Item label={t('col.from')}>{spanOf(row, t)}</Descriptions.Item>
        <Descriptions.Item label={t('issuer')}>{issuerName(row, t)}</Descriptions.Item>
        <Descriptions.Item label={t('basedOn')}>{row.basedOnId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('issuedBy')}>{row.issuedBy ? t('byOn', { by: row.issuedBy, date: row.issuedAt?.slice(0, 10) }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('note')} span={2}>
          <Typography.Text ellipsis={{ tooltip: row.note }} style={{ maxWidth: 360 }}>
            {row.note || t('noNote')}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {!doc ? (
        <Spin />
      ) : (
        <ConfigProvider theme={compactTabs}>
          <Tabs
            size="small"
            tabPosition="left"
            data-testid="policy-sections"
            items={[
              ...(changes.length
                ? [
                    {
                      key: 'changes',
                      label: t('changesTab', { n: changes.length }),
                      children: (
                        <div style={sectionBody} data-testid="policy-changes">
                          <ChangeList changes={changes} />
                        </div>
                      ),
                    },
                  ]
                : []),
              ...policySections.map((s) => ({
                key: s.id,
                label: <span title={pick(s.title, lang)}>{t(`sectionTab.${s.id}`, { defaultValue: pick(s.title, lang) })}</span>,
                children: (
                  <div style={sectionBody} data-testid={`policy-section-${s.id}`}>
                    <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                      {pick(s.title, lang)}
                    </Typography.Text>
                    <Descriptions size="small" column={1} bordered styles={{ label: { width: '48%' } }}>
                      {s.fields.map((f) => (
                        <Descriptions.Item key={f.path} label={pick(f.label, lang)}>
                          {pick(policyValueText(f, valueAt(doc, f.keys)), lang)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </div>
                ),
              })),
            ]}
          />
        </ConfigProvider>
      )}
    </Card>
  );
}

function WithdrawModal({ row, onClose }: { row: PolicyRow; onClose(): void }) {
  const { t } = useTranslation('policy');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const required = useRequired();
  const { busy, general, submit } = useFormSubmit(form, ['reason', 'id']);
  const save = () =>
    submit(async ({ reason }) => {
      await api.policy.withdraw({ id: row.id, reason });
      message.success(t('withdraw.done', { version: row.version }));
      onClose();
    });
  return (
    <Modal
      open
      title={t('withdraw.title', { version: row.version })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="policy-withdraw-modal"
      footer={
        <Space>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button danger type="primary" loading={busy} onClick={() => void save()} data-testid="policy-withdraw-confirm">
            {t('withdraw.confirm')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('withdraw.hint')}</Typography.Paragraph>
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form form={form} layout="vertical" onKeyDown={onFormKeyDown(() => void save())}>
        <Form.Item name="reason" label={t('withdraw.reason')} rules={required(t('withdraw.reason'), { text: true })}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="policy-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PolicyPage(_: PageProps) {
  const { t, i18n } = useTranslation('policy');
  const can = useCan();
  const canReview = can('ledger.review');
  const asOf = useAsOf((s) => s.asOf);
  // At the New Area with one township chosen in the header: the versions as that township's cadres get them.
  const scope = useOfficeScope();
  const office = scope.entry && !scope.entry.self ? scope.entry : null;
  const list = useQuery('policy.list', { ...(asOf ? { month: asOf } : {}), ...(office ? { office: office.code } : {}) }, { enabled: scope.ready });
  const [selected, setSelected] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<PolicyRow | null>(null);
  const data = list.data;
  const rows = data?.items ?? [];
  const current = rows.find((r) => r.id === (selected ?? data?.inForceId)) ?? null;
  // The form starts from the version in force this month (the host's), which the floor is measured against.
  const now = useQuery('policy.list', data ? { month: data.currentMonth } : {}, { enabled: !!data });
  const base = now.data ? now.data.items.find((r) => r.id === now.data!.inForceId) ?? null : null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="policy-page">
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/settings')} aria-label={t('back')} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
          </Space>
        }
        extra={
          canReview ? (
            <Button type="primary" icon={<PlusOutlined />} disabled={!base} onClick={() => setIssuing(true)} data-testid="policy-issue-open">
              {t('issue.open')}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('noPermission')}
            </Typography.Text>
          )
        }
      >
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('intro')}
        </Typography.Text>
      </Card>
      {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual, i18n.language)} />}
      {!data ? (
        <Spin />
      ) : (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Card size="small" title={t('listTitle', { month: data.month, scope: office ? ` · ${t('scopeFor', { name: office.name })}` : '' })} style={{ width: 400, flex: 'none' }} data-testid="policy-list">
            <Table<PolicyRow>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              scroll={{ y: 'calc(100vh - 330px)' }}
              rowClassName={(r) => (r.id === current?.id ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' }, 'data-testid': 'policy-row', 'data-id': r.id } as never)}
              columns={[
                {
                  title: t('col.version'),
                  key: 'version',
                  render: (_, r) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong className="cell-nowrap">
                        {r.version}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 104, display: 'block' }} ellipsis={{ tooltip: r.id }}>
                        {r.id}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('col.from'),
                  key: 'from',
                  width: 100,
                  render: (_, r) => (
                    <Space orientation="vertical" size={0}>
                      <span className="cell-nowrap">{r.effectiveFrom}</span>
                      {r.until && r.until >= r.effectiveFrom && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="cell-nowrap">
                          {t('span.until', { until: r.until })}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                { title: t('col.state'), key: 'state', width: 150, render: (_, r) => <VersionTags row={r} /> },
              ]}
            />
            {data.withdrawn.length > 0 && (
              <div style={{ marginTop: 8 }} data-testid="policy-withdrawn">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('withdrawnTitle')}
                </Typography.Text>
                {data.withdrawn.map((w) => (
                  <div key={w.revisionId} style={{ fontSize: 12 }}>
                    {t('withdrawnItem', { version: w.version, id: w.id, from: w.effectiveFrom, reason: w.reason, by: w.by, date: w.at.slice(0, 10) })}
                  </div>
                ))}
              </div>
            )}
          </Card>
          <div style={{ flex: 1, minWidth: 0 }}>
            {current ? <VersionDetail key={current.id} row={current} canReview={canReview} onWithdraw={() => setWithdrawing(current)} /> : <Empty description={t('noneSelected')} />}
          </div>
        </div>
      )}
      {issuing && base && now.data && (
        <IssueDrawer
          base={base}
          currentMonth={now.data.currentMonth}
          onClose={() => setIssuing(false)}
          onIssued={(id) => {
            setIssuing(false);
            setSelected(id);
          }}
        />
      )}
      {withdrawing && <WithdrawModal row={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Space>
  );
}
