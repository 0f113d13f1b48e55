// 设置 → 用户与权限 (administrator): the accounts, their roles (三员分立) and state; add, change a
// role, disable/enable, reset a password. The first account turns logins on; the administrator's
// own account then asks for its password (SessionDialogs).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/contract/users';
import { roleLabels, roles, type Role } from '../../../shared/domain/access';
import { ApiError, api } from '../../api/client';
import { applyFieldErrors } from '../../app/formErrors';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { useCan, useSession } from './store';

type Editing = { kind: 'add' } | { kind: 'reset'; user: UserRow } | null;

export function UsersPanel() {
  const { t, i18n } = useTranslation('session');
  const can = useCan();
  const info = useSession((s) => s.info);
  const enabled = can('users.manage') && !info?.demo;
  const users = useQuery('users.list', {}, { enabled });
  const [editing, setEditing] = useState<Editing>(null);
  const { message } = App.useApp();
  if (!enabled) return null;
  const roleName = (r: Role) => pick(roleLabels[r], i18n.language);

  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      await users.refetch();
      await useSession.getState().load();
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    }
  }

  return (
    <Card
      title={t('users.title')}
      data-testid="users-panel"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'add' })} data-testid="users-add">
          {t('users.add')}
        </Button>
      }
    >
      {!info?.logins && <Alert type="info" showIcon title={t('users.singleUser')} style={{ marginBottom: 12 }} />}
      <Table<UserRow>
        size="small"
        rowKey="id"
        loading={users.loading && !users.data}
        dataSource={users.data?.users ?? []}
        pagination={false}
        locale={{ emptyText: t('users.empty') }}
        columns={[
          { title: t('users.name'), dataIndex: 'name', width: 140 },
          { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
          {
            title: t('users.role'),
            dataIndex: 'role',
            width: 150,
            render: (r: Role, u) => (
              <Select<Role>
                size="small"
                value={r}
                style={{ width: 130 }}
                options={roles.map((x) => ({ value: x, label: roleName(x) }))}
                onChange={(role) => void run(() => api.users.setRole({ name: u.name, role }), t('users.roleChanged'))}
                data-testid={`users-role-${u.name}`}
              />
            ),
          },
          {
            title: t('users.state'),
            width: 160,
            render: (_, u) =>
              u.disabled ? (
                <Tag>{t('users.disabled')}</Tag>
              ) : u.lockedUntil ? (
                <Tag color="red">{t('users.lockedOut')}</Tag>
              ) : !u.hasPassword ? (
                <Tag color="orange">{t('users.noPassword')}</Tag>
              ) : u.mustChangePassword ? (
                <Tag color="gold">{t('users.mustChange')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: t('users.actions'),
            render: (_, u) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing({ kind: 'reset', user: u })}>
                  {t('users.reset')}
                </Button>
                <Button size="small" onClick={() => void run(() => api.users.disable({ name: u.name, disabled: !u.disabled }), t('users.saved'))}>
                  {u.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('users.rolesHint')}
      </Typography.Paragraph>
      {editing && <UserDialog editing={editing} onClose={() => setEditing(null)} onDone={() => void users.refetch().then(() => useSession.getState().load())} />}
    </Card>
  );
}

function UserDialog({ editing, onClose, onDone }: { editing: NonNullable<Editing>; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation('session');
  const [form] = Form.useForm<{ name: string; displayName: string; role: Role; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const adding = editing.kind === 'add';
  async function save(v: { name: string; displayName: string; role: Role; password: string }) {
    setBusy(true);
    setError(null);
    try {
      if (adding) await api.users.add({ name: v.name.trim(), displayName: v.displayName.trim() || v.name.trim(), role: v.role, password: v.password });
      else await api.users.reset({ name: editing.user.name, password: v.password });
      onClose();
      onDone();
    } catch (e) {
      const rest = applyFieldErrors(form, e, i18n.language, ['name', 'displayName', 'role', 'password']);
      if (rest.length) setError(rest.join('；'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={adding ? t('users.add') : t('users.resetTitle', { name: editing.kind === 'reset' ? editing.user.name : '' })} onCancel={onClose} footer={null} width={460} data-testid="user-dialog">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ role: 'clerk' }}>
        {adding && (
          <>
            <Form.Item name="name" label={t('users.name')} rules={[{ required: true, message: t('users.nameRequired') }]}>
              <Input autoFocus data-testid="user-name" />
            </Form.Item>
            <Form.Item name="displayName" label={t('users.displayName')}>
              <Input data-testid="user-display-name" />
            </Form.Item>
            <Form.Item name="role" label={t('users.role')}>
              <Select<Role> options={roles.map((x) => ({ value: x, label: pick(roleLabels[x], i18n.language) }))} data-testid="user-role" />
            </Form.Item>
          </>
        )}
        <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.initialPasswordHint')} rules={[{ required: true, min: 12, message: t('setPassword.min') }]}>
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="user-save">
          {t('users.save')}
        </Button>
      </Form>
    </Modal>
  );
}
