// Into and out of the demo township (its own data directory). Switching changes the whole ledger,
// so the session is reloaded and the read cache (scoped by data directory) starts afresh.
import { ExperimentOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { navigate } from '../../app/router';
import { pick } from '../../i18n';
import { useSession } from './store';

export async function switchDemo(open: boolean): Promise<void> {
  if (open) await api.session.openDemo({});
  else await api.session.leaveDemo({});
  await useSession.getState().load();
}

export function DemoSwitch() {
  const { t, i18n } = useTranslation('settings');
  const { message } = App.useApp();
  const demo = useSession((s) => s.info?.demo ?? false);
  const [busy, setBusy] = useState(false);

  async function run(open: boolean) {
    setBusy(true);
    try {
      await switchDemo(open);
      message.success(open ? t('demo.opened') : t('demo.left'));
      navigate('/');
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={
        <Space>
          {t('demo.title')}
          {demo && <Tag color="orange">{t('demo.title')}</Tag>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{demo ? t('demo.active') : t('demo.inactive')}</Typography.Paragraph>
      {demo ? (
        <Button icon={<RollbackOutlined />} loading={busy} onClick={() => void run(false)} data-testid="demo-leave">
          {t('demo.leave')}
        </Button>
      ) : (
        <Button icon={<ExperimentOutlined />} loading={busy} onClick={() => void run(true)} data-testid="demo-open">
          {t('demo.open')}
        </Button>
      )}
    </Card>
  );
}
