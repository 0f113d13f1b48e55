// First run: an empty ledger (no units, hence no cadres) greets the officer with three ways in.
import { ExperimentOutlined, FileExcelOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { navigate, useLocation } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { callOptional, hasEndpoint, useSession } from './store';

/** The welcome shows on the start page while the ledger has no unit. */
export function useFirstRun(): { show: boolean; dismiss: () => void } {
  const path = useLocation((s) => s.path);
  const readsLedger = useSession((s) => !!s.info?.permissions.includes('ledger.read'));
  const units = useQuery('units.list', {}, { enabled: path === '/' && readsLedger });
  const show = path === '/' && !units.stale && units.data !== undefined && units.data.length === 0;
  return { show, dismiss: () => navigate('/units') };
}

export function Welcome({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation('session');
  const { message } = App.useApp();
  const [opening, setOpening] = useState(false);
  const demoAvailable = hasEndpoint('session.openDemo');

  async function openDemo() {
    setOpening(true);
    try {
      await callOptional('session.openDemo', {});
      await useSession.getState().load();
      navigate('/');
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    } finally {
      setOpening(false);
    }
  }

  const card = (
    testId: string,
    icon: React.ReactNode,
    title: string,
    text: string,
    onClick: () => void,
    disabled = false,
  ) => (
    <Col xs={24} md={8}>
      <Card
        hoverable={!disabled}
        data-testid={testId}
        onClick={disabled ? undefined : onClick}
        style={{ height: '100%', opacity: disabled ? 0.5 : 1, cursor: disabled ? 'not-allowed' : 'pointer' }}
      >
        <div style={{ fontSize: 36, color: '#b71c1c' }}>{icon}</div>
        <Typography.Title level={4}>{title}</Typography.Title>
        <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      </Card>
    </Col>
  );

  return (
    <div data-testid="welcome" style={{ maxWidth: 960, margin: '32px auto' }}>
      <Typography.Title level={2}>{t('welcome.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('welcome.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {card('welcome-empty', <FileAddOutlined />, t('welcome.empty'), t('welcome.emptyHint'), onDone)}
        {card('welcome-import', <FileExcelOutlined />, t('welcome.import'), t('welcome.importHint'), () =>
          navigate('/import'),
        )}
        {card(
          'welcome-demo',
          <ExperimentOutlined spin={opening} />,
          t('welcome.demo'),
          demoAvailable ? t('welcome.demoHint') : t('welcome.demoUnavailable'),
          () => void openDemo(),
          !demoAvailable || opening,
        )}
      </Row>
    </div>
  );
}
