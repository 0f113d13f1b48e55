// 会议统计 (/meeting/statistics, a tab of the meeting section): the §4.4 statistics for a period (kept in the address; by default the as-of
// year so far), each count opening the cadres behind it with links to their case files, the basis
// of each number, the table as CSV, the period report as a Word document, and print.
import { DownloadOutlined, FileWordOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadreRow } from '../../../shared/contract/registry';
import type { MeetingStatistic } from '../../../shared/reports/meeting';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { saveBase64 } from '../../app/download';
import { PrintButton } from '../../app/PrintButton';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { csvBase64, csvRows, periodFrom, type Period } from './statistics';
import { MonthPicker } from '../../app/MonthPicker';
import { useOfficeScope } from '../../app/officeScope';
import { OfficeScopeTag, ScopeNoCadresAlert, useScopeEmpty } from '../../app/OfficeScopeNote';
import { MeetingTabs } from './MeetingTabs';
import { docxType } from './documents';

function setPeriod(p: Period) {
  navigate(`/meeting/statistics?from=${p.from}&to=${p.to}`, { replace: true });
}

/** The basis of a count and the cadres behind it, each linked to the case file. */
function Behind({ item, byId, loaded }: { item: MeetingStatistic; byId: Map<string, CadreRow>; loaded: boolean }) {
  const { t, i18n } = useTranslation('meeting');
  const tk = useTranslation('casefile').t;
  const why = useScopeEmpty();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="meeting-behind">
      <Typography.Text type="secondary">
        {t('col.basis')}
        {tk('punct.colon')}
        {pick(item.basis, i18n.language)}
      </Typography.Text>
      {item.cadreIds.length === 0 ? (
        <Typography.Text type="secondary">{why(t('cadres.none'))}</Typography.Text>
      ) : (
        <Table<{ id: string; cadre?: CadreRow }>
          size="small"
          rowKey="id"
          title={() => t('cadres.title', { n: item.cadreIds.length })}
          dataSource={item.cadreIds.map((id) => ({ id, cadre: byId.get(id) }))}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              title: t('cadres.name'),
              key: 'name',
              render: (_, r) => (
                <a href={hrefOf(`/cadres/${encodeURIComponent(r.id)}`)} data-testid="meeting-cadre">
                  {/* Before the register has loaded the id stands in; a cadre missing from it says so. */}
                  {r.cadre?.name ?? (loaded ? t('cadres.missing', { id: r.id }) : r.id)}
                </a>
              ),
            },
            { title: t('cadres.position'), key: 'position', render: (_, r) => r.cadre?.position || '—' },
          ]}
        />
      )}
    </Space>
  );
}

export default function StatisticsPage({ query }: PageProps) {
  const { t, i18n } = useTranslation('meeting');
  const { message } = App.useApp();
  const asOf = useAsOf((s) => s.asOf);
  const period = asOf ? periodFrom(query, asOf) : null;
  // The header's office scope: one township's statistics (its cadres and the records about them), or all.
  const { office, ready } = useOfficeScope();
  const scoped = period && office ? { ...period, office } : period;
  const stats = useQuery('reports.meeting', scoped ?? { from: '', to: '' }, { enabled: !!period && ready });
  const cadres = useQuery('cadres.list', {});
  const byId = useMemo(() => new Map((cadres.data ?? []).map((c) => [c.id, c])), [cadres.data]);
  const [open, setOpen] = useState<readonly Key[]>([]);
  const s = stats.data;

  function toggle(id: string) {
    setOpen((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  }

  function exportCsv() {
    if (!s) return;
    const nameOf = (id: string) => byId.get(id)?.name ?? id;
    const rows = csvRows(s.items, i18n.language, nameOf, {
      header: [t('col.label'), t('col.count'), t('col.counts'), t('col.cadres'), t('col.basis')],
      counts: { cadres: t('counts.cadres'), records: t('counts.records') },
    });
    const name = t('fileName', { from: s.from, to: s.to });
    saveBase64(name, csvBase64(rows), 'text/csv;charset=utf-8');
    message.success(t('exported', { name }));
  }

  const [reporting, setReporting] = useState(false);
  async function periodReport() {
    if (!period) return;
    setReporting(true);
    try {
      const file = await api.documents.periodReport(scoped ?? period);
      saveBase64(file.fileName, file.base64, docxType);
      message.success(t('exported', { name: file.fileName }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setReporting(false);
    }
  }

  const monthPicker = (which: keyof Period) =>
    period && (
      <Space size={4}>
        <Typography.Text type="secondary">{t(which)}</Typography.Text>
        <MonthPicker value={period[which]} onChange={(month) => setPeriod({ ...period, [which]: month })} testId={`meeting-${which}`} />
      </Space>
    );

  return (
    <>
    <MeetingTabs active="statistics" />
    <Card
      data-testid="meeting"
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
          <OfficeScopeTag />
          {period && (
            <Typography.Text className="print-only">
              {period.from} — {period.to}
            </Typography.Text>
          )}
        </Space>
      }
    >
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }} className="no-print" data-testid="meeting-toolbar">
          {monthPicker('from')}
          {monthPicker('to')}
          <Button icon={<DownloadOutlined />} disabled={!s} onClick={exportCsv} data-testid="meeting-export">
            {t('export')}
          </Button>
          <Button icon={<FileWordOutlined />} disabled={!s} loading={reporting} onClick={() => void periodReport()} data-testid="meeting-period-report">
            {t('periodReport')}
          </Button>
          {period && <PrintButton fileName={t('printName', { from: period.from, to: period.to })} testId="meeting-print" />}
      </Space>
      <ScopeNoCadresAlert />
      {stats.error &&
        (stats.error.code === 'VALIDATION' ? (
          <Alert
            type="error"
            showIcon
            data-testid="meeting-error"
            title={t('invalidPeriod')}
            description={(stats.error.fields ?? []).map((f) => pick(f.message, i18n.language)).join('；')}
          />
        ) : (
          <Alert type="error" showIcon data-testid="meeting-error" title={pick(stats.error.bilingual, i18n.language)} />
        ))}
      {!s && !stats.error && <Spin style={{ display: 'block', margin: 24 }} />}
      {s && (
        <Table<MeetingStatistic>
          size="small"
          rowKey="id"
          dataSource={s.items}
          pagination={false}
          data-testid="meeting-table"
          onRow={(i) => ({ 'data-testid': 'meeting-row', 'data-id': i.id }) as never}
          expandable={{
            expandedRowKeys: open,
            onExpandedRowsChange: setOpen,
            expandedRowRender: (i) => <Behind item={i} byId={byId} loaded={!!cadres.data} />,
          }}
          columns={[
            {
              title: t('col.label'),
              key: 'label',
              render: (_, i) => (
                <Space size={6}>
                  <span data-testid="meeting-label">{pick(i.label, i18n.language)}</span>
                  <Tooltip title={pick(i.basis, i18n.language)}>
                    <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                  </Tooltip>
                </Space>
              ),
            },
            {
              title: t('col.count'),
              key: 'count',
              align: 'right',
              width: 96,
              render: (_, i) =>
                i.count > 0 ? (
                  <a onClick={() => toggle(i.id)} data-testid="meeting-count">
                    {i.count}
                  </a>
                ) : (
                  <span data-testid="meeting-count">0</span>
                ),
            },
            {
              title: t('col.counts'),
              key: 'counts',
              width: 120,
              render: (_, i) => <Tag color={i.counts === 'cadres' ? 'blue' : 'purple'}>{t(`counts.${i.counts}`)}</Tag>,
            },
          ]}
        />
      )}
    </Card>
    </>
  );
}
