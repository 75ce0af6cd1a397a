import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import { formatDateTime } from '../shared/format';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { problemLines } from '../admin/api';
import '../admin/admin.css';
import { type Receipt, useConsentHistory, useConsents, useErasurePreview } from './usePrivacy';

const CHANNELS = ['email', 'phone', 'sms', 'web', 'app', 'chat', 'store', 'social', 'event', 'other', 'any'];

/** The privacy part of the customer 360: consents per purpose and channel, the export, and the erasure after a preview. */
export function PrivacySection({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayReadConsents = can(me.data, 'consents:read');
  const mayWriteConsents = can(me.data, 'consents:write');
  const mayExport = can(me.data, 'privacy:read');
  const mayErase = can(me.data, 'privacy:write');
  if (!mayReadConsents && !mayExport) return null;
  return (
    <section aria-labelledby="privacy-title" data-testid="privacy">
      <h2 id="privacy-title">{t('admin.privacy.title')}</h2>
      {mayReadConsents && <Consents customerId={customerId} writable={mayWriteConsents} />}
      <p className="admin-form">
        {mayExport && (
          <a href={`/api/v1/customers/${customerId}/export`} download={`customer-${customerId}.json`}>
            {t('admin.privacy.export')}
          </a>
        )}
      </p>
      {mayErase && <Erase customerId={customerId} name={name} />}
    </section>
  );
}

function Consents({ customerId, writable }: { customerId: string; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const mayReadHistory = can(useMe().data, 'audit:read');
  const queries = useQueryClient();
  const consents = useConsents(customerId, true);
  const [form, setForm] = useState({ purpose: 'marketing', channel: 'email', status: 'granted', reason: '' });
  const record = useMutation({
    mutationFn: () => api(`/api/v1/customers/${customerId}/consents`, {
      method: 'PUT',
      body: JSON.stringify({ items: [{ purpose: form.purpose.trim(), channel: form.channel, status: form.status, source: 'ui', reason: form.reason.trim() }] }),
    }),
    onSuccess: () => {
      setForm({ ...form, reason: '' });
      void queries.invalidateQueries({ queryKey: ['privacy', 'consents', customerId] });
      void queries.invalidateQueries({ queryKey: ['privacy', 'consent-history', customerId] });
    },
  });
  return (
    <>
      <h3>{t('admin.privacy.consents')}</h3>
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <Failed error={consents.error} retry={() => void consents.refetch()} />
      ) : consents.data.items.length === 0 ? (
        <Empty>{t('admin.privacy.noConsents')}</Empty>
      ) : (
        <table aria-label={t('admin.privacy.consents')} data-testid="consents">
          <thead>
            <tr>
              <th scope="col">{t('admin.privacy.purpose')}</th>
              <th scope="col">{t('admin.privacy.channel')}</th>
              <th scope="col">{t('admin.common.status')}</th>
              <th scope="col">{t('admin.privacy.source')}</th>
              <th scope="col">{t('admin.privacy.reasonColumn')}</th>
              <th scope="col">{t('admin.privacy.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.data.items.map((item) => (
              <tr key={`${item.purpose}/${item.channel}`}>
                <td>{item.purpose}</td>
                <td>{item.channel}</td>
                <td>{t(`admin.privacy.statuses.${item.status}`, { defaultValue: item.status })}</td>
                <td>{item.source}</td>
                <td>{item.reason ?? '—'}</td>
                <td>{formatDateTime(item.decidedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && (
        <form className="admin-form" aria-label={t('admin.privacy.edit')} onSubmit={(e) => { e.preventDefault(); record.mutate(); }}>
          <label>
            {t('admin.privacy.consentPurpose')}
            <input value={form.purpose} onChange={(e) => setForm({ ...form, purpose: e.target.value })} />
          </label>
          <label>
            {t('admin.privacy.consentChannel')}
            <select value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })}>
              {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label>
            {t('admin.privacy.consentStatus')}
            <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
              <option value="granted">{t('admin.privacy.statuses.granted')}</option>
              <option value="withdrawn">{t('admin.privacy.statuses.withdrawn')}</option>
            </select>
          </label>
          <label>
            {t('admin.privacy.reason')}
            <input value={form.reason} required maxLength={500} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </label>
          <button type="submit" disabled={record.isPending || !form.reason.trim()}>{t('admin.privacy.record')}</button>
        </form>
      )}
      {record.isError && <ul className="errors" role="alert">{problemLines(record.error).map((l) => <li key={l}>{l}</li>)}</ul>}
      {mayReadHistory && <ConsentHistory customerId={customerId} />}
    </>
  );
}

/** The consent changes of the customer, newest first, from the audit log: who, when, before and after, and why. */
function ConsentHistory({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const history = useConsentHistory(customerId);
  const describe = (items: ConsentChange[] | null | undefined, key: string) =>
    (items ?? []).filter((item) => `${item.purpose}/${item.channel}` === key)
      .map((item) => t(`admin.privacy.statuses.${item.status}`, { defaultValue: item.status }))[0] ?? '—';
  return (
    <>
      <h3 id="consent-history-title">{t('admin.privacy.history')}</h3>
      {history.isPending ? <Loading /> : history.isError ? <Failed error={history.error} retry={() => void history.refetch()} /> :
        history.data.items.length === 0 ? <Empty>{t('admin.privacy.noHistory')}</Empty> : (
          <table aria-labelledby="consent-history-title" data-testid="consent-history">
            <thead>
              <tr>
                <th scope="col">{t('admin.privacy.decided')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.privacy.purpose')}</th>
                <th scope="col">{t('admin.audit.before')}</th>
                <th scope="col">{t('admin.audit.after')}</th>
                <th scope="col">{t('admin.privacy.reasonColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.flatMap((entry) => changedKeys(entry).map((key) => {
                const after = ((entry.after as unknown as ConsentChange[] | null) ?? []).find((item) => `${item.purpose}/${item.channel}` === key);
                return (
                  <tr key={`${entry.id}-${key}`}>
                    <td>{formatDateTime(entry.occurredAt, i18n.language)}</td>
                    <td>{entry.actor}</td>
                    <td>{key.replace('/', ' · ')}</td>
                    <td>{describe(entry.before as unknown as ConsentChange[] | null, key)}</td>
                    <td>{describe(entry.after as unknown as ConsentChange[] | null, key)}</td>
                    <td>{after?.reason ?? '—'}</td>
                  </tr>
                );
              }))}
            </tbody>
          </table>
        )}
    </>
  );
}

interface ConsentChange { purpose: string; channel: string; status: string; decidedAt: string; reason?: string | null }

/** The purpose/channel pairs whose decision differs between before and after of one audit entry. */
export function changedKeys(entry: { before?: unknown; after?: unknown }): string[] {
  const index = (items: unknown) => new Map(((items as ConsentChange[] | null) ?? []).map((item) => [`${item.purpose}/${item.channel}`, JSON.stringify(item)]));
  const before = index(entry.before);
  const after = index(entry.after);
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key)).sort();
}

function Erase({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const preview = useErasurePreview(customerId, open);
  const word = t('admin.privacy.typeToConfirm').split(' ').find((w) => w === w.toUpperCase() && w.length > 3) ?? 'ERASE';
  const erase = useMutation({
    mutationFn: () => api<Receipt>(`/api/v1/customers/${customerId}/erase`, { method: 'POST', body: JSON.stringify(reason.trim() ? { reason } : {}) }),
    onSuccess: (receipt) => {
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      navigate(`/admin/privacy?receipt=${receipt.receiptId}`);
    },
  });
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>{t('admin.privacy.erase')}</button>
      {open && (
        <ConfirmDialog open onOpenChange={setOpen} title={t('admin.privacy.eraseTitle', { name })} confirmLabel={t('admin.privacy.confirm')}
          onConfirm={() => erase.mutate()} busy={erase.isPending} confirmDisabled={!preview.data || typed.trim() !== word}>
          <div data-testid="erase-preview">
            {preview.isPending ? <Loading /> : preview.isError ? <Failed error={preview.error} retry={() => void preview.refetch()} /> : (
              <>
                <p>{t('admin.privacy.previewText')}</p>
                <ul>
                  <li>{t('admin.privacy.pProfiles', { count: preview.data.profiles })}</li>
                  <li>{t('admin.privacy.pIdentifiers', { count: preview.data.identifiers })}</li>
                  <li>{t('admin.privacy.pAttributes', { count: preview.data.attributes })}</li>
                  <li>{t('admin.privacy.pConsents', { count: preview.data.consents })}</li>
                  <li>{t('admin.privacy.pTouchpoints', { count: preview.data.touchpoints })}</li>
                  <li>{t('admin.privacy.pSuppressed', { count: preview.data.suppressedIdentifiers })}</li>
                  <li>{t('admin.privacy.pSources', { list: preview.data.sources.join(', ') })}</li>
                </ul>
              </>
            )}
          </div>
          <label className="field">
            {t('admin.privacy.eraseReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="field">
            {t('admin.privacy.typeToConfirm')}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
          {erase.isError && <p className="errors" role="alert">{problemLines(erase.error).join('; ')}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
