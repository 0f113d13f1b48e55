// An encrypted ledger opens locked: the passphrase unlocks it for this session.
import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { pick, setLang, type Lang } from '../../i18n';
import { callOptional, useSession } from './store';

/** `onBack`: shown from the login screen of a ledger with accounts (back to the login). */
export function UnlockScreen({ onBack }: { onBack?: () => void } = {}) {
  const { t, i18n } = useTranslation('session');
  const [form] = Form.useForm<{ passphrase: string }>();
  const [busy, setBusy] = useState(false);

  async function unlock({ passphrase }: { passphrase: string }) {
    setBusy(true);
    try {
      await callOptional('session.unlock', { passphrase });
      await useSession.getState().load();
      onBack?.();
    } catch (e) {
      const msg = e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e);
      form.setFields([{ name: 'passphrase', errors: [msg] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }} data-testid="unlock">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3}>
            <LockOutlined /> {t('unlock.title')}
          </Typography.Title>
          <Segmented<Lang>
            size="small"
            value={i18n.language === 'en' ? 'en' : 'zh'}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={setLang}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('unlock.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={unlock}>
          <Form.Item
            name="passphrase"
            label={t('unlock.passphrase')}
            rules={[{ required: true, message: t('unlock.required') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('unlock.submit')}
          </Button>
        </Form>
        {onBack && (
          <Button type="link" size="small" style={{ padding: 0, marginTop: 8 }} onClick={onBack}>
            {t('unlock.back')}
          </Button>
        )}
      </Card>
    </div>
  );
}
