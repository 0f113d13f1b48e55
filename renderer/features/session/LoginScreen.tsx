// 登录 / 已锁定: a ledger with accounts asks who is working. The same screen is the lock screen
// (the last name is filled in). An encrypted ledger is unlocked by the login itself: each user's
// password unwraps the store's key. The recovery key stays valid through the passphrase screen.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callEndpoint } from '../../api/client';
import { pick, setLang, type Lang } from '../../i18n';
import { useSession } from './store';
import { UnlockScreen } from './UnlockScreen';

export function LoginScreen() {
  const { t, i18n } = useTranslation('session');
  const lastName = useSession((s) => s.lastName);
  const info = useSession((s) => s.info);
  const [form] = Form.useForm<{ name: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // An encrypted ledger can also be opened with its passphrase or recovery key (then one logs in).
  const [withKey, setWithKey] = useState(false);
  const locked = !!lastName;
  if (withKey) return <UnlockScreen onBack={() => setWithKey(false)} />;

  async function login(values: { name: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const next = await callEndpoint('session.login', { name: values.name.trim(), password: values.password });
      await useSession.getState().apply(next);
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }} data-testid="login">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3}>
            <LockOutlined /> {locked ? t('login.lockedTitle') : t('login.title')}
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
        <Typography.Paragraph type="secondary">
          {locked ? t('login.lockedHint') : info?.encrypted ? t('login.hintEncrypted') : t('login.hint')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={login} initialValues={{ name: lastName }}>
          <Form.Item name="name" label={t('login.name')} rules={[{ required: true, message: t('login.nameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!lastName} data-testid="login-name" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus={!!lastName} data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('login.forgot')}
        </Typography.Paragraph>
        {info?.locked && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setWithKey(true)} data-testid="login-with-key">
            {t('login.withKey')}
          </Button>
        )}
      </Card>
    </div>
  );
}
