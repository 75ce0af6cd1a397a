import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import type { Schema } from '../shared/api/types';
import { can, useMe } from '../shared/auth';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { AdminTabs } from '../admin/AdminTabs';
import { problemLines } from '../admin/api';
import { useReceipt } from './usePrivacy';

/** One erasure's entries on the suppression list (GET /api/v1/suppressions). */
type SuppressionEntry = Schema<'ReceiptEntries'>;

/** /admin/privacy: an erasure receipt (the one just made, or looked up) and what the suppression list does. */
export default function PrivacyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.privacy.title'));
  const [search, setSearch] = useSearchParams();
  const receiptId = search.get('receipt');
  const receipt = useReceipt(receiptId);
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.privacy.title')}</h1>
      <form className="toolbar" key={receiptId ?? ''} onSubmit={(e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('receipt') ?? '').trim();
        const next = new URLSearchParams(search);
        if (value) next.set('receipt', value);
        else next.delete('receipt');
        setSearch(next);
      }}>
        <label>
          {t('admin.privacy.receiptLookup')}
          <input name="receipt" defaultValue={receiptId ?? ''} />
        </label>
        <button type="submit">{t('admin.privacy.lookup')}</button>
      </form>
      {receiptId && (receipt.isPending ? <Loading /> : receipt.isError ? <Failed error={receipt.error} /> : (
        <section aria-labelledby="receipt-title" className="card" data-testid="receipt">
          <h2 id="receipt-title">{t('admin.privacy.receipt')}</h2>
          <dl className="facts">
            <div><dt>{t('admin.privacy.receiptId')}</dt><dd>{receipt.data.receiptId}</dd></div>
            <div><dt>{t('admin.privacy.erasedAt')}</dt><dd>{formatDateTime(receipt.data.erasedAt, i18n.language)}</dd></div>
            <div><dt>{t('admin.privacy.by')}</dt><dd>{receipt.data.actor}</dd></div>
            <div><dt>{t('admin.privacy.pProfiles', { count: receipt.data.profiles })}</dt><dd>{receipt.data.profiles}</dd></div>
            <div><dt>{t('admin.privacy.pIdentifiers', { count: receipt.data.identifiers })}</dt><dd>{receipt.data.identifiers}</dd></div>
            <div><dt>{t('admin.privacy.pTouchpoints', { count: receipt.data.touchpoints })}</dt><dd>{receipt.data.touchpoints}</dd></div>
            <div><dt>{t('admin.privacy.pSuppressed', { count: receipt.data.suppressedIdentifiers })}</dt><dd>{receipt.data.suppressedIdentifiers}</dd></div>
          </dl>
          {receipt.data.reason && <p>{receipt.data.reason}</p>}
        </section>
      ))}
      <SuppressionList />
    </article>
  );
}

/** The suppression list by erasure, each lifted after a confirmation with a reason. */
function SuppressionList() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const writable = can(me.data, 'privacy:write');
  const queries = useQueryClient();
  const list = useQuery({ queryKey: ['privacy', 'suppressions'], queryFn: () => api<{ items: SuppressionEntry[] }>('/api/v1/suppressions') });
  const [lifting, setLifting] = useState<SuppressionEntry | null>(null);
  const [reason, setReason] = useState('');
  const lift = useMutation({
    mutationFn: (entry: SuppressionEntry) => api(`/api/v1/suppressions/${entry.receiptId}?reason=${encodeURIComponent(reason)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setLifting(null);
      setReason('');
      void queries.invalidateQueries({ queryKey: ['privacy', 'suppressions'] });
    },
  });
  return (
    <section aria-labelledby="suppression-title">
      <h2 id="suppression-title">{t('admin.privacy.suppressionTitle')}</h2>
      <p>{t('admin.privacy.suppressionText')}</p>
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <Empty>{t('admin.privacy.noSuppressions')}</Empty>
      ) : (
        <table aria-label={t('admin.privacy.suppressionTitle')} data-testid="suppressions">
          <thead>
            <tr>
              <th scope="col">{t('admin.privacy.receiptId')}</th>
              <th scope="col">{t('admin.privacy.suppressedCount')}</th>
              <th scope="col">{t('admin.privacy.since')}</th>
              {writable && <th scope="col">{t('admin.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((entry) => (
              <tr key={entry.receiptId}>
                <td><Link to={`?receipt=${entry.receiptId}`}>{entry.receiptId}</Link></td>
                <td>{entry.identifiers}</td>
                <td>{formatDateTime(entry.since, i18n.language)}</td>
                {writable && (
                  <td>
                    <button type="button" aria-label={`${t('admin.privacy.lift')} ${entry.receiptId}`} onClick={() => setLifting(entry)}>
                      {t('admin.privacy.lift')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lifting && (
        <ConfirmDialog open onOpenChange={(open) => !open && setLifting(null)} title={t('admin.privacy.liftTitle')} confirmLabel={t('admin.privacy.lift')}
          onConfirm={() => lift.mutate(lifting)} busy={lift.isPending} confirmDisabled={!reason.trim()}>
          <p>{t('admin.privacy.liftText', { count: lifting.identifiers })}</p>
          <label className="field">
            {t('admin.privacy.liftReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          {lift.isError && <p className="errors" role="alert">{problemLines(lift.error).join('; ')}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
