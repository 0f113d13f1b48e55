// Header: the as-of month, the demo badge, the user and the language switch.
import { ExperimentOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchDemo } from '../features/session/DemoSwitch';
import { useSession } from '../features/session/store';
import { navigate } from './router';
import { setLang, type Lang } from '../i18n';
import { useAsOf } from './asOf';
import { MonthPicker } from './MonthPicker';

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
        <Space size="small">
          <Typography.Text type="secondary">{t('header.asOf')}</Typography.Text>
          <MonthPicker value={asOf} onChange={setAsOf} testId="asof-picker" style={{ width: 130 }} />
        </Space>
        {info?.user && (
          <Tooltip title={t('header.user')}>
            <Typography.Text data-testid="header-user" style={{ whiteSpace: 'nowrap' }}>
              <UserOutlined /> {info.user}
            </Typography.Text>
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
    </Layout.Header>
  );
}
