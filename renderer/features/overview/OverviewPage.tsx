// 概览 (/): the month's findings counted by rule, who is new this month (not a finding the month
// before), and a link to each case file. The month is the header's as-of month (also pickable here).
import { Alert, Card, Col, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../../shared/contract/findings';
import { useAsOf } from '../../app/asOf';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { FindingActions, useRuleName } from '../casefile/FindingsPanel';
import { MonthPicker } from '../../app/MonthPicker';

function SubjectLink({ f }: { f: FindingRow }) {
  const { t } = useTranslation('overview');
  if (f.subject.type === 'cadre') {
    return (
      <a href={hrefOf(`/cadres/${encodeURIComponent(f.subject.id)}`)} data-testid="overview-subject">
        {f.subjectName}
      </a>
    );
  }
  return (
    <Space size={4}>
      <a href={hrefOf(`/tracker?unit=${encodeURIComponent(f.subject.id)}`)} data-testid="overview-subject">
        {f.subjectName}
      </a>
      <Tag color="purple">{t('team')}</Tag>
    </Space>
  );
}

export default function OverviewPage() {
  const { t, i18n } = useTranslation('overview');
  const ruleName = useRuleName();
  const { asOf, setAsOf } = useAsOf();
  const overview = useQuery('findings.overview', { asOf: asOf ?? '' }, { enabled: !!asOf });
  const [openRule, setOpenRule] = useState<string | null>(null);
  const all = useQuery('findings.list', { asOf: asOf ?? '' }, { enabled: !!asOf && openRule !== null });
  const o = overview.data;

  const findingColumns = [
    { title: t('subject'), key: 'subject', render: (_: unknown, f: FindingRow) => <SubjectLink f={f} /> },
    { title: t('unit'), dataIndex: 'unitName', key: 'unit', render: (v: string | null) => v ?? '—' },
    { title: t('rule'), dataIndex: 'rule', key: 'rule', render: (r: string) => ruleName(r) },
    {
      title: t('why'),
      key: 'why',
      render: (_: unknown, f: FindingRow) => <span style={{ fontSize: 13 }}>{pick(f.explanation, i18n.language)}</span>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, f: FindingRow) => (
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

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="overview">
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
        }
        extra={
          <Space>
            <Typography.Text type="secondary">{t('month')}</Typography.Text>
            <MonthPicker value={asOf} onChange={setAsOf} testId="overview-month" />
          </Space>
        }
      >
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
          <Col xs={24} xl={10}>
            <Card title={t('byRule')} size="small">
              <Table
                size="small"
                rowKey="rule"
                pagination={false}
                dataSource={o.byRule}
                locale={{ emptyText: t('noFindings') }}
                data-testid="overview-by-rule"
                onRow={(r) => ({ onClick: () => setOpenRule(openRule === r.rule ? null : r.rule), style: { cursor: 'pointer' } })}
                rowClassName={(r) => (r.rule === openRule ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: t('rule'), dataIndex: 'rule', render: (r: string) => ruleName(r) },
                  { title: t('count'), dataIndex: 'count', align: 'right', width: 72 },
                  {
                    title: t('newCount'),
                    dataIndex: 'newCount',
                    align: 'right',
                    width: 88,
                    render: (n: number) => (n ? <Tag color="red">+{n}</Tag> : 0),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            {openRule ? (
              <Card
                size="small"
                title={ruleName(openRule)}
                extra={<a onClick={() => setOpenRule(null)}>×</a>}
                data-testid="overview-rule-list"
              >
                {all.data ? (
                  <Table
                    size="small"
                    rowKey="key"
                    onRow={(f) => ({ 'data-testid': 'overview-finding', 'data-rule': f.rule, 'data-subject': f.subject.id }) as never}
                    dataSource={all.data.items.filter((f) => f.rule === openRule)}
                    pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
                    columns={findingColumns}
                  />
                ) : (
                  <Spin />
                )}
              </Card>
            ) : (
              <Card size="small" title={t('newItems')} data-testid="overview-new">
                {o.newItems.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={o.total ? t('noNew') : t('noFindings')} />
                ) : (
                  <Table
                    size="small"
                    rowKey="key"
                    onRow={(f) => ({ 'data-testid': 'overview-finding', 'data-rule': f.rule, 'data-subject': f.subject.id }) as never}
                    dataSource={o.newItems}
                    pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
                    columns={findingColumns}
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
