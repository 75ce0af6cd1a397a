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
import { type Receipt, reasonSource, useConsents, useErasurePreview } from './usePrivacy';

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
  const queries = useQueryClient();
  const consents = useConsents(customerId, true);
  const [form, setForm] = useState({ purpose: 'marketing', channel: 'email', status: 'granted', reason: '' });
  const record = useMutation({
    mutationFn: () => api(`/api/v1/customers/${customerId}/consents`, {
      method: 'PUT',
      body: JSON.stringify({ items: [{ purpose: form.purpose.trim(), channel: form.channel, status: form.status, source: reasonSource(form.reason) }] }),
    }),
    onSuccess: () => {
      setForm({ ...form, reason: '' });
      void queries.invalidateQueries({ queryKey: ['privacy', 'consents', customerId] });
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
            <input value={form.reason} required onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </label>
          <button type="submit" disabled={record.isPending || !form.reason.trim()}>{t('admin.privacy.record')}</button>
        </form>
      )}
      {record.isError && <ul className="errors" role="alert">{problemLines(record.error).map((l) => <li key={l}>{l}</li>)}</ul>}
    </>
  );
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
