// What the session asks for right after opening: a password the account must set now (the OS user
// when logins were just turned on, or after an administrator's reset), and the recovery key of an
// encrypted ledger this launch created — shown once, until the person confirms it is written down.
import { Alert, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callEndpoint } from '../../api/client';
import { applyFieldErrors } from '../../app/formErrors';
import { pick } from '../../i18n';
import { useSession } from './store';

export function SessionDialogs() {
  const info = useSession((s) => s.info);
  if (!info) return null;
  if (info.recoveryKey) return <RecoveryKeyDialog recoveryKey={info.recoveryKey} />;
  if (info.mustSetPassword) return <SetPasswordDialog />;
  return null;
}

function SetPasswordDialog() {
  const { t, i18n } = useTranslation('session');
  const [form] = Form.useForm<{ password: string; again: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(values: { password: string; again: string }) {
    setBusy(true);
    setError(null);
    try {
      await useSession.getState().apply(await callEndpoint('session.setPassword', { password: values.password }));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) applyFieldErrors(form, e, i18n.language, ['password']);
      else setError(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={t('setPassword.title')} closable={false} maskClosable={false} keyboard={false} footer={null} width={440} data-testid="set-password">
      <Typography.Paragraph type="secondary">{t('setPassword.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="password" label={t('setPassword.password')} rules={[{ required: true, min: 12, message: t('setPassword.min') }]}>
          <Input.Password autoFocus autoComplete="new-password" data-testid="set-password-new" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('setPassword.again')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('setPassword.again') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setPassword.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="set-password-again" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="set-password-submit">
          {t('setPassword.submit')}
        </Button>
      </Form>
    </Modal>
  );
}

function RecoveryKeyDialog({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation('session');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      await useSession.getState().apply(await callEndpoint('session.confirmRecoveryKey', {}));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('recovery.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={560}
      data-testid="recovery-key"
      footer={
        <Button type="primary" disabled={!saved} loading={busy} onClick={() => void confirm()} data-testid="recovery-key-confirm">
          {t('recovery.confirm')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('recovery.warning')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        <Typography.Text code copyable style={{ fontSize: 15, wordBreak: 'break-all' }} data-testid="recovery-key-text">
          {recoveryKey}
        </Typography.Text>
      </Typography.Paragraph>
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="recovery-key-saved">
        {t('recovery.saved')}
      </Checkbox>
    </Modal>
  );
}
