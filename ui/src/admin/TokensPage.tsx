import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as Dialog from '@radix-ui/react-dialog';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { formatDate, formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs, CopyButton, ReadOnlyNote } from './AdminTabs';
import { RoleBoxes } from './RoleBoxes';
import { type Token, problemLines, useTokens } from './api';

/** /admin/tokens: API tokens with roles and expiry; the secret once, with a copy button; revoke. */
export default function TokensPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.tokens.title'));
  const me = useMe();
  const tokens = useTokens();
  const writable = can(me.data, 'tokens:write');
  const [revoking, setRevoking] = useState<Token | null>(null);
  const queries = useQueryClient();
  const revoke = useMutation({
    mutationFn: (token: Token) => api<void>(`/api/v1/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRevoking(null);
      void queries.invalidateQueries({ queryKey: ['admin', 'tokens'] });
    },
  });
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.tokens.title')}</h1>
      <ReadOnlyNote writable={writable} />
      {writable && <CreateToken />}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <Failed error={tokens.error} retry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <Empty>{t('admin.tokens.empty')}</Empty>
      ) : (
        <table aria-label={t('admin.tokens.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.common.name')}</th>
              <th scope="col">{t('admin.common.roles')}</th>
              <th scope="col">{t('admin.common.status')}</th>
              <th scope="col">{t('admin.tokens.expiresAt')}</th>
              <th scope="col">{t('admin.tokens.lastUsed')}</th>
              {writable && <th scope="col">{t('admin.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id} data-testid={`token-${token.name}`}>
                <th scope="row">
                  {token.name} <span className="muted">({t('admin.tokens.hint')} …{token.hint})</span>
                </th>
                <td>{(token.roles ?? []).join(', ')}</td>
                <td>{t(`admin.tokens.statuses.${token.status}`, { defaultValue: token.status })}</td>
                <td>{token.expiresAt ? formatDate(token.expiresAt, i18n.language) : t('admin.common.never')}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('admin.common.never')}</td>
                {writable && (
                  <td>
                    {token.status === 'active' && (
                      <button type="button" className="danger" aria-label={`${t('admin.tokens.revoke')} ${token.name}`} onClick={() => setRevoking(token)}>
                        {t('admin.tokens.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog open onOpenChange={(open) => !open && setRevoking(null)} title={t('admin.tokens.revokeTitle', { name: revoking.name })}
          confirmLabel={t('admin.tokens.revoke')} onConfirm={() => revoke.mutate(revoking)} busy={revoke.isPending}>
          <p>{t('admin.tokens.revokeText')}</p>
          {revoke.isError && <p className="errors" role="alert">{problemLines(revoke.error).join('; ')}</p>}
        </ConfirmDialog>
      )}
    </article>
  );
}

function CreateToken() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [roles, setRoles] = useState<string[]>(['integration']);
  const [secret, setSecret] = useState<Token | null>(null);
  const create = useMutation({
    mutationFn: () => api<Token>('/api/v1/tokens', {
      method: 'POST',
      body: JSON.stringify({ name, roles, expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined }),
    }),
    onSuccess: (token) => {
      setSecret(token);
      setName('');
      void queries.invalidateQueries({ queryKey: ['admin', 'tokens'] });
    },
  });
  return (
    <section aria-labelledby="create-token">
      <h2 id="create-token">{t('admin.tokens.create')}</h2>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <label>
          {t('admin.common.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('admin.tokens.expiresAt')}
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </label>
        <RoleBoxes legend={t('admin.common.roles')} value={roles} onChange={setRoles} />
        <button type="submit" disabled={create.isPending}>{t('admin.tokens.create')}</button>
      </form>
      {create.isError && <ul className="errors" role="alert">{problemLines(create.error).map((l) => <li key={l}>{l}</li>)}</ul>}
      <Dialog.Root open={!!secret} onOpenChange={(open) => !open && setSecret(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="overlay" />
          <Dialog.Content className="dialog" aria-describedby="secret-text">
            <Dialog.Title asChild>
              <h2>{t('admin.tokens.secretTitle')}</h2>
            </Dialog.Title>
            <p id="secret-text">{t('admin.tokens.secretText')}</p>
            <p className="secret" data-testid="token-secret">
              {secret?.token}
            </p>
            <div className="actions">
              <CopyButton text={secret?.token ?? ''} label={`${t('admin.common.copy')}: ${t('admin.tokens.secretLabel', { name: secret?.name ?? '' })}`} />
              <Dialog.Close asChild>
                <button type="button" className="primary">{t('admin.tokens.done')}</button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  );
}
