// Header: the office scope (when the ledger holds several offices), the as-of month (the one month
// picker of the app, with why it is this month), the demo badge, the user and the language switch.
import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Layout, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchDemo } from '../features/session/DemoSwitch';
import { SessionMenu } from '../features/session/SessionMenu';
import { useSession } from '../features/session/store';
import { navigate } from './router';
import { setLang, type Lang } from '../i18n';
import { useAsOf } from './asOf';
import { MonthPicker } from './MonthPicker';
import { useLatestScoredMonth } from './MonthScoresBanner';
import { OfficeScopeSelect } from './OfficeScopeSelect';

/** Why the header shows this month: the latest with scores, or none entered yet. */
function MonthNote({ asOf }: { asOf: string }) {
  const { t } = useTranslation('app');
  const latest = useLatestScoredMonth();
  if (latest === undefined) return null;
  if (asOf === latest)
    return (
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 13 }} data-testid="asof-note">
        · {t('header.latestScored')}
      </Typography.Text>
    );
  if (latest === null || asOf > latest)
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="asof-note">
        {t('header.noScores')}
      </Tag>
    );
  return null;
}

export function AppHeader() {
  const { t, i18n } = useTranslation('app');
  const ts = useTranslation('session').t;
  const info = useSession((s) => s.info);
  const { asOf, setAsOf } = useAsOf();
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 16px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #f0f0f0',
        gap: 16,
      }}
    >
      <Space size="middle">
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Title>
        {info?.demo && (
          <Tooltip title={t('header.demoHint')}>
            <Tag color="orange" icon={<ExperimentOutlined />} data-testid="demo-badge">
              {t('header.demo')}
            </Tag>
          </Tooltip>
        )}
        {info?.demo && (
          <Button
            size="small"
            type="link"
            data-testid="demo-leave-header"
            onClick={() => void switchDemo(false).then(() => navigate('/'))}
          >
            {ts('demo.leave')}
          </Button>
        )}
      </Space>
      <Space size="middle">
        <OfficeScopeSelect />
        <Space size="small" data-testid="asof">
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('header.asOf')}
          </Typography.Text>
          <Tooltip title={t('header.monthHint')} placement="bottom">
            <span>
              <MonthPicker value={asOf} onChange={setAsOf} testId="asof-picker" ariaLabel={t('header.asOf')} style={{ width: 136 }} />
            </span>
          </Tooltip>
          <span className="print-only" data-testid="asof-print">
            {asOf}
          </span>
          {asOf && <MonthNote asOf={asOf} />}
        </Space>
        <Space size="middle" className="app-header-controls">
          {info?.user && (
            <Tooltip title={t('header.user')} placement="left">
              <span>
                <SessionMenu />
              </span>
            </Tooltip>
          )}
          <Segmented<Lang>
            aria-label={t('header.language')}
            data-testid="lang-switch"
            value={i18n.language === 'en' ? 'en' : 'zh'}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(v) => setLang(v)}
          />
        </Space>
      </Space>
    </Layout.Header>
  );
}
