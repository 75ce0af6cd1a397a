import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { formatDate } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs, ReadOnlyNote } from './AdminTabs';
import { RoleBoxes } from './RoleBoxes';
import { type User, problemLines, useUsers } from './api';

/** /admin/users: local accounts; create, change roles, disable and enable. */
export default function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const me = useMe();
  const users = useUsers();
  const writable = can(me.data, 'users:write');
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.users.title')}</h1>
      <ReadOnlyNote writable={writable} />
      {writable && <CreateUser />}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <Failed error={users.error} retry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Empty>{t('admin.users.empty')}</Empty>
      ) : (
        <table aria-label={t('admin.users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.common.roles')}</th>
              <th scope="col">{t('admin.common.status')}</th>
              <th scope="col">{t('admin.users.lastLogin')}</th>
              {writable && <th scope="col">{t('admin.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} writable={writable} self={user.username === me.data?.name} />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function UserRow({ user, writable, self }: { user: User; writable: boolean; self: boolean }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user.roles ?? []);
  const update = useMutation({
    mutationFn: (body: Partial<{ roles: string[]; enabled: boolean }>) =>
      api<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onError: () => setRoles(user.roles ?? []),
    onSettled: () => queries.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  return (
    <tr data-testid={`user-${user.username}`}>
      <th scope="row">
        {user.username}
        {user.displayName ? <span className="muted"> · {user.displayName}</span> : null}
      </th>
      <td>
        {writable && !self ? (
          <RoleBoxes legend={t('admin.users.editRoles', { name: user.username })} value={roles} disabled={update.isPending}
            onChange={(next) => { setRoles(next); update.mutate({ roles: next }); }} />
        ) : (
          (user.roles ?? []).join(', ')
        )}
        {update.isError && <p className="errors" role="alert">{problemLines(update.error).join('; ')}</p>}
      </td>
      <td>{user.enabled ? t('admin.users.enabled') : t('admin.users.disabled')}</td>
      <td>{user.lastLoginAt ? formatDate(String(user.lastLoginAt), i18n.language) : t('admin.common.never')}</td>
      {writable && (
        <td>
          {!self && (
            <button type="button" className={user.enabled ? 'danger' : undefined} disabled={update.isPending}
              aria-label={`${user.enabled ? t('admin.users.disable') : t('admin.users.enable')} ${user.username}`}
              onClick={() => update.mutate({ enabled: !user.enabled })}>
              {user.enabled ? t('admin.users.disable') : t('admin.users.enable')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm] = useState({ username: '', password: '', displayName: '', email: '' });
  const [roles, setRoles] = useState<string[]>(['viewer']);
  const create = useMutation({
    mutationFn: () => api<User>('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ ...form, displayName: form.displayName || undefined, email: form.email || undefined, roles }),
    }),
    onSuccess: () => {
      setForm({ username: '', password: '', displayName: '', email: '' });
      void queries.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={form[key]} autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.users.create')}</h2>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        {field('username', t('admin.users.username'))}
        {field('password', t('admin.users.password'), 'password')}
        {field('displayName', t('admin.users.displayName'))}
        {field('email', t('admin.users.email'), 'email')}
        <RoleBoxes legend={t('admin.common.roles')} value={roles} onChange={setRoles} />
        <button type="submit" disabled={create.isPending}>{t('admin.common.create')}</button>
      </form>
      {create.isError && (
        <ul className="errors" role="alert">{problemLines(create.error).map((l) => <li key={l}>{l}</li>)}</ul>
      )}
      {create.isSuccess && <p className="notice">{t('admin.users.created', { name: create.data.username })}</p>}
    </section>
  );
}
