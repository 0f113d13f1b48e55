// Settings → 数据交换 (docs/SYNC.md): this office's identity, export of a package for another office
// (what it has not acknowledged, or a date range), import of package files with a preview per
// office, the conflicts between offices and their resolution, and the offices list. Every rule is
// the core's: this page only shows what the sync endpoints return.
import { ArrowLeftOutlined, CloudDownloadOutlined, ImportOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Radio, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictItemView, ImportReportView, OfficeRowView } from '../../../shared/contract/sync';
import { ApiError, api } from '../../api/client';
import { readFileBase64, saveBase64 } from '../../app/download';
import { navigate } from '../../app/router';
import type { PageProps } from '../../app/routes';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';

type T = (key: string, options?: Record<string, unknown>) => string;

const textBase64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

function useFail() {
  const { message } = App.useApp();
  const { i18n } = useTranslation();
  return (e: unknown) => message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e), 8);
}

function CreateOffice() {
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const fail = useFail();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Card data-testid="exchange-create">
      <Alert type="info" showIcon title={t('noOffice')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          setBusy(true);
          try {
            const o = await api.sync.createOffice({ code: v.code.trim().toUpperCase(), name: v.name });
            message.success(t('created', { name: o.name, code: o.code }));
          } catch (e) {
            fail(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="code" label={t('code')} rules={[{ required: true }]} extra={t('codeHint')}>
          <Input style={{ width: 120 }} data-testid="exchange-code" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
          <Input style={{ width: 220 }} data-testid="exchange-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="exchange-create-submit">
          {t('create')}
        </Button>
      </Form>
    </Card>
  );
}

function CountsTable({ report, t }: { report: ImportReportView; t: T }) {
  const { i18n } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {report.files
        .filter((f) => !f.ok)
        .map((f) => (
          <Alert key={f.file} type="error" showIcon title={`${t('refusedFile', { file: f.file })}：${f.message ? pick(f.message, i18n.language) : ''}`} />
        ))}
      <Table
        data-testid="exchange-counts"
        size="small"
        pagination={false}
        rowKey="office"
        dataSource={report.offices}
        columns={[
          { title: t('col.office'), render: (_, o) => `${o.name}（${o.office}）` },
          { title: t('col.new'), dataIndex: 'new', width: 90 },
          { title: t('col.held'), dataIndex: 'held', width: 90 },
          { title: t('col.gap'), dataIndex: 'gap', width: 120 },
          { title: t('col.conflict'), dataIndex: 'conflict', width: 90 },
          { title: t('col.refused'), dataIndex: 'refused', width: 90 },
        ]}
        expandable={{
          rowExpandable: (o) => o.messages.length > 0,
          expandedRowRender: (o) => (
            <ul style={{ margin: 0 }}>
              {o.messages.map((m, i) => (
                <li key={i}>{pick(m, i18n.language)}</li>
              ))}
            </ul>
          ),
          defaultExpandAllRows: true,
        }}
      />
    </Space>
  );
}

function ExchangeTab() {
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const fail = useFail();
  const offices = useQuery('sync.offices', {});
  const targets = (offices.data ?? []).filter((o) => !o.self);
  const [to, setTo] = useState<string>();
  const [mode, setMode] = useState<'unacknowledged' | 'dates'>('unacknowledged');
  const [range, setRange] = useState({ from: '', to: '' });
  const [files, setFiles] = useState<Array<{ name: string; base64: string }>>([]);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const target = to ?? targets[0]?.code;

  async function act<R>(key: string, f: () => Promise<R>): Promise<R | undefined> {
    setBusy(key);
    try {
      return await f();
    } catch (e) {
      fail(e);
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('exportTitle')} data-testid="exchange-export">
        {targets.length === 0 ? (
          <Typography.Text type="secondary">{t('targetNone')}</Typography.Text>
        ) : (
          <Space wrap align="start" size="large">
            <Space>
              {t('target')}
              <Select
                style={{ width: 220 }}
                value={target}
                onChange={setTo}
                data-testid="exchange-target"
                options={targets.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
              />
            </Space>
            <Space orientation="vertical" size={4}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
                <Radio value="unacknowledged">{t('unacknowledged')}</Radio>
                <Radio value="dates">{t('dates')}</Radio>
              </Radio.Group>
              {mode === 'dates' && (
                <Space>
                  {t('from')}
                  <Input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} style={{ width: 160 }} />
                  {t('to')}
                  <Input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} style={{ width: 160 }} />
                </Space>
              )}
            </Space>
            <Button
              type="primary"
              icon={<CloudDownloadOutlined />}
              loading={busy === 'export'}
              data-testid="exchange-export-button"
              onClick={() =>
                void act('export', () =>
                  api.sync.export({ to: target!, selection: mode === 'dates' ? { kind: 'dates', ...range } : { kind: 'unacknowledged' }, encrypt: true }),
                ).then((p) => {
                  if (!p) return;
                  saveBase64(p.fileName, p.base64);
                  message.success(t('exported', { file: p.fileName, entries: p.entries, enc: p.encrypted ? t('encryptedNote') : '' }), 8);
                  void offices.refetch();
                })
              }
            >
              {t('export')}
            </Button>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('importTitle')} data-testid="exchange-import">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('pickHint')}</Typography.Text>
          <Space wrap>
            <Upload
              accept=".ledgerpkg"
              multiple
              showUploadList={false}
              beforeUpload={(f) => {
                void readFileBase64(f).then((base64) => setFiles((prev) => [...prev.filter((x) => x.name !== f.name), { name: f.name, base64 }]));
                setReport(null);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="exchange-pick">
                {t('pick')}
              </Button>
            </Upload>
            {files.map((f) => (
              <Tag key={f.name} closable onClose={() => setFiles(files.filter((x) => x.name !== f.name))}>
                {f.name}
              </Tag>
            ))}
          </Space>
          <Space>
            <Button disabled={!files.length} loading={busy === 'preview'} data-testid="exchange-preview" onClick={() => void act('preview', () => api.sync.preview({ files })).then((r) => r && setReport(r))}>
              {t('preview')}
            </Button>
            <Button
              type="primary"
              icon={<ImportOutlined />}
              disabled={!files.length}
              loading={busy === 'import'}
              data-testid="exchange-import-button"
              onClick={() =>
                void act('import', () => api.sync.import({ files })).then((r) => {
                  if (!r) return;
                  setReport(r);
                  message.success(r.committed ? t('imported') : t('nothingNew'));
                  setFiles([]);
                })
              }
            >
              {t('import')}
            </Button>
          </Space>
          {report && <CountsTable report={report} t={t} />}
        </Space>
      </Card>
    </Space>
  );
}

const fieldText = (v: unknown) => (v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function ConflictsTab() {
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const fail = useFail();
  const conflicts = useQuery('sync.conflicts', {});
  const [busy, setBusy] = useState<string | null>(null);
  const fieldLabel = (f: string) => t(`fields.${f}`, { defaultValue: f });
  if (conflicts.data && conflicts.data.length === 0) return <Empty description={t('conflictsEmpty')} data-testid="exchange-conflicts-empty" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="exchange-conflicts">
      {(conflicts.data ?? []).map((c: ConflictItemView) => (
        <Card
          key={c.key}
          size="small"
          title={`${t(`collections.${c.collection}`, { defaultValue: c.collection })} · ${typeof c.shown?.name === 'string' ? `${c.shown.name}（${c.recordId}）` : c.recordId}`}
          extra={`${t('conflictOwner')}：${c.owner}`}
        >
          <Typography.Paragraph>
            {t('conflictFields')}：{c.fields.map((f) => (f === '*' ? t('wholeRecord') : fieldLabel(f))).join('、')}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="version"
            dataSource={c.sides}
            columns={[
              { title: t('conflictRecord'), width: 200, render: (_, s) => t('conflictSide', { office: `${s.officeName}（${s.office}）` }) },
              ...c.fields.map((f) => ({
                title: f === '*' ? t('wholeRecord') : fieldLabel(f),
                render: (_: unknown, s: ConflictItemView['sides'][number]): string => (s.value === null ? t('removed') : f === '*' ? fieldText(s.value.name ?? s.value.id) : fieldText(s.value[f])),
              })),
              {
                title: '',
                width: 140,
                render: (_, s) => (
                  <Button
                    size="small"
                    loading={busy === s.version}
                    data-testid="exchange-resolve"
                    onClick={async () => {
                      setBusy(s.version);
                      try {
                        await api.sync.resolve({ key: c.key, version: s.version });
                        message.success(t('resolved'));
                      } catch (e) {
                        fail(e);
                      } finally {
                        setBusy(null);
                      }
                    }}
                  >
                    {t('choose')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

const vector = (v: Record<string, number>) =>
  Object.entries(v)
    .map(([k, n]) => `${k}: ${n}`)
    .join('，') || '—';

function OfficesTab() {
  const { t } = useTranslation('exchange');
  const offices = useQuery('sync.offices', {});
  const rows = offices.data ?? [];
  if (offices.data && rows.length <= 1) return <Empty description={t('officesEmpty')} />;
  return (
    <Table<OfficeRowView>
      data-testid="exchange-offices"
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1100 }}
      columns={[
        {
          title: t('colOffice.name'),
          width: 200,
          render: (_, o) => (
            <Space size={4} wrap>
              {o.name}（{o.code}）{o.self && <Tag color="blue">{t('self')}</Tag>}
              {o.anchor && <Tag color="gold">{t('anchor')}</Tag>}
            </Space>
          ),
        },
        { title: t('colOffice.received'), width: 170, render: (_, o) => (o.lastReceived ? `${dayjs(o.lastReceived.at).format('YYYY-MM-DD HH:mm')}（${o.lastReceived.entries}）` : t('never')) },
        { title: t('colOffice.sent'), width: 170, render: (_, o) => (o.lastSent ? `${dayjs(o.lastSent.at).format('YYYY-MM-DD HH:mm')}（${o.lastSent.entries}）` : t('never')) },
        { title: t('colOffice.held'), width: 150, render: (_, o) => vector(o.held) },
        { title: t('colOffice.ack'), width: 150, render: (_, o) => vector(o.acknowledged) },
        { title: t('colOffice.pending'), width: 120, render: (_, o) => `${o.heldBack} / ${o.quarantined}` },
        { title: t('colOffice.conflicts'), width: 110, dataIndex: 'openConflicts' },
        { title: t('colOffice.cert'), width: 120, render: (_, o) => o.certifiedUntil ?? '—' },
      ]}
    />
  );
}

function IdentityTab() {
  const { t, i18n } = useTranslation('exchange');
  const { message } = App.useApp();
  const fail = useFail();
  const [validTo, setValidTo] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('identityTitle')}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('identityHint')}</Typography.Text>
          <Button
            icon={<CloudDownloadOutlined />}
            data-testid="exchange-identity"
            onClick={() =>
              void api.sync
                .identity({})
                .then((f) => saveBase64(f.fileName, textBase64(f.text), 'application/json'))
                .catch(fail)
            }
          >
            {t('downloadIdentity')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('trustTitle')}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('trustHint')}</Typography.Text>
          <Upload
            accept=".json"
            showUploadList={false}
            beforeUpload={(f) => {
              void f
                .text()
                .then((text) => api.sync.trust({ text }))
                .then((r) => message.success(pick(r.message, i18n.language), 10))
                .catch(fail);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<SafetyCertificateOutlined />} data-testid="exchange-trust">
              {t('trustPick')}
            </Button>
          </Upload>
        </Space>
      </Card>
      <Card size="small" title={t('certifyTitle')}>
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('certifyHint')}</Typography.Text>
          <Space>
            {t('validTo')}
            <Input type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} style={{ width: 160 }} />
            <Upload
              accept=".json"
              showUploadList={false}
              beforeUpload={(f) => {
                const to = validTo || `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
                void f
                  .text()
                  .then((text) => api.sync.certify({ text, validFrom: today, validTo: to }))
                  .then((c) => {
                    saveBase64(c.fileName, textBase64(c.text), 'application/json');
                    message.success(t('certified', { file: c.fileName }));
                  })
                  .catch(fail);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('certifyPick')}</Button>
            </Upload>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}

export default function ExchangePage(_: PageProps) {
  const { t } = useTranslation('exchange');
  const office = useQuery('sync.office', {});
  const o = office.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="exchange-page">
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/settings')}>
            {t('back')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        {o && (
          <Descriptions size="small" column={2} data-testid="exchange-office">
            <Descriptions.Item label={t('office')}>
              {o.name}（{o.code}）
            </Descriptions.Item>
            <Descriptions.Item label={t('fingerprint')}>
              <Typography.Text code copyable>
                {o.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('certificate')}>
              {o.certificate ? t('certificateOf', { issuer: o.certificate.issuer, from: o.certificate.validFrom, to: o.certificate.validTo }) : t('certificateNone')}
            </Descriptions.Item>
            <Descriptions.Item label={t('feed')}>{t('feedOf', { epoch: o.feed.epoch, seq: o.feed.seq })}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {office.data === null && <CreateOffice />}
      {o && (
        <Tabs
          data-testid="exchange-tabs"
          items={[
            { key: 'exchange', label: t('tabs.exchange'), children: <ExchangeTab /> },
            { key: 'conflicts', label: t('tabs.conflicts'), children: <ConflictsTab /> },
            { key: 'offices', label: t('tabs.offices'), children: <OfficesTab /> },
            { key: 'identity', label: t('tabs.identity'), children: <IdentityTab /> },
          ]}
        />
      )}
    </Space>
  );
}
