// 审计日志 (auditor, administrator): every journal record and audit entry — who, when, which
// command, which records, the result — newest first, with filters, an .xlsx export, and the state
// of the hash chain (intact, or the first bad record). Read-only: nobody edits the trail.
import { CheckCircleOutlined, DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRow } from '../../../shared/contract/audit';
import { permissionLabels, type Permission } from '../../../shared/contract/permissions';
import { ApiError, api } from '../../api/client';
import { saveBase64 } from '../../app/download';
import type { PageProps } from '../../app/routes';
import { useViewportHeight } from '../../app/useViewportHeight';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';

/** Action groups the filter offers (prefixes of command names). */
const actionGroups = ['session.', 'users.', 'backup.', 'import.', 'records.', 'cadres.', 'units.', 'meetings.', 'findings.', 'documents.', 'audit.', 'cli.'] as const;

const resultColor = { ok: 'green', failed: 'red', refused: 'orange' } as const;

export default function AuditPage(_: PageProps) {
  const { t, i18n } = useTranslation('audit');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const height = useViewportHeight();
  const list = useQuery('audit.list', { ...filter, limit: 2000 });
  const chain = list.data?.chain;

  const label = (command: string) => (i18n.exists(`audit:commands.${command}`) ? t(`commands.${command}`) : command);
  // Details are short codes (how someone logged in, what kind of export) or a permission name.
  const detail = (d: string | undefined) => {
    if (!d) return '';
    if (i18n.exists(`audit:details.${d}`)) return t(`details.${d}`);
    if (d in permissionLabels) return t('needed', { permission: pick(permissionLabels[d as Permission], i18n.language) });
    return d;
  };
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as AuditFilter);
  const users = useMemo(() => [...new Set((list.data?.rows ?? []).map((r) => r.user))].sort(), [list.data]);

  async function exportXlsx() {
    setExporting(true);
    setExportError(null);
    try {
      const file = await api.audit.export(filter);
      saveBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      setExportError(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card
      data-testid="audit-page"
      styles={{ body: { padding: 12 } }}
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="audit-export">
          {t('export')}
        </Button>
      }
    >
      {chain &&
        (chain.intact ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            data-testid="audit-chain"
            style={{ marginBottom: 8 }}
            title={
              <span>
                {t('chain.intact', { records: chain.records, restores: chain.restores })}{' '}
                {chain.head && (
                  <Tooltip title={t('chain.headHint')}>
                    <Typography.Text code copyable={{ text: chain.head }} style={{ fontSize: 12 }}>
                      {chain.head.slice(0, 16)}…
                    </Typography.Text>
                  </Tooltip>
                )}
              </span>
            }
          />
        ) : (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            data-testid="audit-chain"
            style={{ marginBottom: 8 }}
            title={t('chain.broken', { seq: chain.firstProblem?.seq ?? '?', file: chain.firstProblem?.file ?? '' })}
            description={chain.firstProblem ? pick(chain.firstProblem.message, i18n.language) : undefined}
          />
        ))}
      {exportError && <Alert type="error" showIcon title={exportError} style={{ marginBottom: 8 }} />}
      <Space wrap size="small" style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('filter.user')}
          style={{ width: 150 }}
          value={filter.user}
          options={users.map((u) => ({ value: u, label: u }))}
          onChange={(v) => set({ user: v })}
          data-testid="audit-filter-user"
        />
        <Select
          allowClear
          placeholder={t('filter.action')}
          style={{ width: 170 }}
          value={filter.action}
          options={actionGroups.map((g) => ({ value: g, label: t(`groups.${g.slice(0, -1)}`) }))}
          onChange={(v) => set({ action: v })}
          data-testid="audit-filter-action"
        />
        <Select
          allowClear
          placeholder={t('filter.result')}
          style={{ width: 120 }}
          value={filter.result}
          options={(['ok', 'failed', 'refused'] as const).map((r) => ({ value: r, label: t(`result.${r}`) }))}
          onChange={(v) => set({ result: v })}
          data-testid="audit-filter-result"
        />
        <DatePicker.RangePicker
          value={range}
          style={{ width: 250 }}
          onChange={(v) => {
            setRange(v as [Dayjs | null, Dayjs | null] | null);
            set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });
          }}
        />
        <Input.Search
          allowClear
          placeholder={t('filter.record')}
          style={{ width: 200 }}
          onSearch={(v) => set({ record: v.trim() || undefined })}
          data-testid="audit-filter-record"
        />
        <Typography.Text type="secondary" data-testid="audit-count">
          {t('count', { shown: list.data?.rows.length ?? 0, total: list.data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      <Table<AuditRow>
        size="small"
        rowKey={(r) => `${r.seq}:${r.at}:${r.command}`}
        loading={list.loading && !list.data}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 100, showSizeChanger: false, size: 'small' }}
        scroll={{ y: Math.max(200, height - 360), x: 1000 }}
        locale={{ emptyText: list.error ? pick(list.error.bilingual, i18n.language) : Object.keys(filter).length ? t('emptyFiltered') : t('empty') }}
        data-testid="audit-table"
        columns={[
          { title: t('col.seq'), dataIndex: 'seq', width: 70 },
          { title: t('col.at'), dataIndex: 'at', width: 172, render: (at: string) => <span className="cell-nowrap">{new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false })}</span> },
          { title: t('col.user'), dataIndex: 'user', width: 110, ellipsis: true },
          {
            title: t('col.command'),
            dataIndex: 'command',
            width: 170,
            render: (c: string) => (
              <Tooltip title={c}>
                <span>{label(c)}</span>
              </Tooltip>
            ),
          },
          {
            title: t('col.records'),
            width: 230,
            ellipsis: true,
            render: (_, r) => {
              const text = r.records.length ? r.records.join(' ') + (r.recordCount > r.records.length ? ` …(${r.recordCount})` : '') : (r.target ?? '');
              return <Tooltip title={text}>{text || '—'}</Tooltip>;
            },
          },
          {
            title: t('col.result'),
            dataIndex: 'result',
            width: 80,
            render: (r: AuditRow['result']) => <Tag color={resultColor[r]}>{t(`result.${r}`)}</Tag>,
          },
          {
            title: t('col.detail'),
            ellipsis: true,
            render: (_, r) =>
              r.restore ? (
                <Tooltip title={t('restoreDetail', { ...r.restore })}>
                  <Tag color="purple">{t('restoreTag', { from: r.restore.from })}</Tag>
                </Tooltip>
              ) : (
                detail(r.detail)
              ),
          },
        ]}
      />
    </Card>
  );
}
