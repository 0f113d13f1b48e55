// 概览 (/): the month's findings counted by rule, who is new this month (not a finding the month
// before), and a link to each case file. The month is the header's as-of month (the app's one
// month picker). Each list prints, and exports to Excel (all findings, or one rule's).
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../../shared/contract/findings';
import { api } from '../../api/client';
import { useAsOf } from '../../app/asOf';
import { saveBase64 } from '../../app/download';
import { MonthScoresBanner } from '../../app/MonthScoresBanner';
import { useOfficeScope } from '../../app/officeScope';
import { OfficeScopeTag, ScopeNoCadresAlert, useScopeEmpty } from '../../app/OfficeScopeNote';
import { PrintButton } from '../../app/PrintButton';
import { usePrinting } from '../../app/print';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { FindingActions, useRuleName } from '../casefile/FindingsPanel';
import { KeepDates } from '../casefile/KeepDates';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function SubjectLink({ f }: { f: FindingRow }) {
  const { t } = useTranslation('overview');
  if (f.subject.type === 'cadre') {
    return (
      <a href={hrefOf(`/cadres/${encodeURIComponent(f.subject.id)}`)} data-testid="overview-subject" className="cell-nowrap">
        {f.subjectName}
      </a>
    );
  }
  return (
    <Space size={4} wrap>
      <a href={hrefOf(`/tracker?unit=${encodeURIComponent(f.subject.id)}`)} data-testid="overview-subject">
        {f.subjectName}
      </a>
      <Tag color="purple">{t('team')}</Tag>
    </Space>
  );
}

/** 导出 Excel: the month's open findings, one rule's or all (the core builds the workbook). */
function ExportButton({ asOf, rule, office, testId }: { asOf: string; rule?: string; office?: string; testId: string }) {
  const { t, i18n } = useTranslation('overview');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const file = await api.findings.export({ asOf, ...(rule ? { rule } : {}), ...(office ? { office } : {}), lang: i18n.language === 'en' ? 'en' : 'zh' });
      saveBase64(file.fileName, file.base64, xlsxType);
      message.success(t('exported', { name: file.fileName }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId} className="no-print">
      {rule ? t('exportRule') : t('exportAll')}
    </Button>
  );
}

export default function OverviewPage() {
  const { t, i18n } = useTranslation('overview');
  const ruleName = useRuleName();
  const asOf = useAsOf((s) => s.asOf);
  const printing = usePrinting((s) => s.printing);
  // The header's office scope (the New Area: one township, or all of them).
  const { office, ready, several, nameOf } = useOfficeScope();
  const scoped = office ? { office } : {};
  // With every office shown, each finding's unit is named with its township (20 have a 党政办).
  const units = useQuery('units.list', {}, { enabled: several && !office });
  const officeOfUnit = new Map((units.data ?? []).map((u) => [u.id, u.office]));
  const unitLine = (f: FindingRow) => {
    const code = several && !office && f.unitId ? officeOfUnit.get(f.unitId) : undefined;
    return code ? `${nameOf(code)} · ${f.unitName}` : (f.unitName ?? '');
  };
  const why = useScopeEmpty();
  const overview = useQuery('findings.overview', { asOf: asOf ?? '', ...scoped }, { enabled: !!asOf && ready });
  const [openRule, setOpenRule] = useState<string | null>(null);
  const all = useQuery('findings.list', { asOf: asOf ?? '', ...scoped }, { enabled: !!asOf && ready && openRule !== null });
  const o = overview.data;

  // Widths that keep a name on one line at 1366×650; the explanation takes the rest and wraps.
  const findingColumns = (withRule: boolean): ColumnsType<FindingRow> => [
    {
      title: t('subject'),
      key: 'subject',
      width: 150,
      render: (_, f) => (
        <div style={{ minWidth: 0 }}>
          <SubjectLink f={f} />
          {f.unitName && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: unitLine(f) }} style={{ display: 'block', fontSize: 12, maxWidth: 134 }} data-testid="overview-unit">
              {unitLine(f)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(withRule
      ? [
          {
            title: t('rule'),
            key: 'rule',
            width: 140,
            render: (_: unknown, f: FindingRow) => (
              <Space size={4} wrap>
                <span>{ruleName(f.rule)}</span>
                {f.isNew && <Tag color="red">{t('isNew')}</Tag>}
              </Space>
            ),
          },
        ]
      : []),
    {
      title: t('why'),
      key: 'why',
      render: (_, f) => (
        <span style={{ fontSize: 13 }}>
          <KeepDates text={pick(f.explanation, i18n.language)} />
        </span>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 164,
      className: 'no-print',
      render: (_, f) => (
        <FindingActions
          finding={f}
          asOf={f.asOf}
          subjectName={f.subjectName}
          onDone={() => {
            void overview.refetch();
            void all.refetch();
          }}
        />
      ),
    },
  ];
  const pagination = printing ? (false as const) : { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true };
  const findingRow = (f: FindingRow) => ({ 'data-testid': 'overview-finding', 'data-rule': f.rule, 'data-subject': f.subject.id }) as never;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="overview">
      <Card
        title={
          <Space size={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            {asOf && (
              <Typography.Text type="secondary" data-testid="overview-month">
                {t('monthOf', { month: asOf })}
              </Typography.Text>
            )}
            <OfficeScopeTag />
          </Space>
        }
        extra={
          asOf && (
            <Space size={8} className="no-print">
              <ExportButton asOf={asOf} office={office} testId="overview-export-all" />
              <PrintButton fileName={t('printName', { month: asOf })} testId="overview-print" size="small" />
            </Space>
          )
        }
      >
        <ScopeNoCadresAlert />
        <MonthScoresBanner hasScores={o && o.asOf === asOf ? o.hasScores : undefined} style={{ marginBottom: o ? 16 : 0 }} />
        {overview.error && <Alert type="error" showIcon title={pick(overview.error.bilingual, i18n.language)} />}
        {!o && !overview.error && <Spin style={{ display: 'block', margin: 24 }} />}
        {o && (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('total')} value={o.total} data-testid="overview-total" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('new')} value={o.newCount} styles={{ content: { color: o.newCount ? '#cf1322' : undefined } }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('comparedWith', { month: o.previousMonth })}
              </Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('acted')} value={o.actedCount} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dismissed')} value={o.dismissedCount} />
            </Col>
          </Row>
        )}
      </Card>
      {o && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Card title={t('byRule')} size="small">
              <Table
                size="small"
                rowKey="rule"
                pagination={false}
                dataSource={o.byRule}
                locale={{ emptyText: why(o.hasScores ? t('noFindings') : t('noFindingsNoScores')) }}
                data-testid="overview-by-rule"
                onRow={(r) => ({ onClick: () => setOpenRule(openRule === r.rule ? null : r.rule), style: { cursor: 'pointer' }, 'data-testid': 'overview-rule-row', 'data-rule': r.rule }) as never}
                rowClassName={(r) => (r.rule === openRule ? 'ant-table-row-selected' : '')}
                columns={[
                  {
                    title: t('rule'),
                    dataIndex: 'rule',
                    ellipsis: { showTitle: false },
                    render: (r: string) => (
                      <Tooltip title={ruleName(r)} placement="topLeft">
                        <a>{ruleName(r)}</a>
                      </Tooltip>
                    ),
                  },
                  { title: t('count'), dataIndex: 'count', align: 'right', width: 64 },
                  {
                    title: t('newCount'),
                    dataIndex: 'newCount',
                    align: 'right',
                    width: 80,
                    render: (n: number) => (n ? <Tag color="red" style={{ marginInlineEnd: 0 }}>+{n}</Tag> : 0),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            {openRule ? (
              <Card
                size="small"
                title={ruleName(openRule)}
                extra={
                  <Space size={8} className="no-print">
                    {asOf && <ExportButton asOf={asOf} rule={openRule} office={office} testId="overview-export-rule" />}
                    <Button size="small" type="text" onClick={() => setOpenRule(null)} aria-label={t('close')} data-testid="overview-rule-close">
                      ×
                    </Button>
                  </Space>
                }
                data-testid="overview-rule-list"
              >
                {all.data ? (
                  <Table<FindingRow>
                    size="small"
                    rowKey="key"
                    tableLayout="fixed"
                    onRow={findingRow}
                    dataSource={all.data.items.filter((f) => f.rule === openRule)}
                    pagination={pagination}
                    columns={findingColumns(false)}
                  />
                ) : (
                  <Spin />
                )}
              </Card>
            ) : (
              <Card size="small" title={t('newItems')} data-testid="overview-new">
                {o.newItems.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why(o.total ? t('noNew') : o.hasScores ? t('noFindings') : t('noFindingsNoScores'))} />
                ) : (
                  <Table<FindingRow>
                    size="small"
                    rowKey="key"
                    tableLayout="fixed"
                    onRow={findingRow}
                    dataSource={o.newItems}
                    pagination={pagination}
                    columns={findingColumns(true)}
                  />
                )}
              </Card>
            )}
          </Col>
        </Row>
      )}
    </Space>
  );
}
