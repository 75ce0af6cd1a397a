import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api/client';
import { formatDateTime } from '../shared/format';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { type CustomerView, type IdentityEvent, useIdentityChange, useIdentityHistory } from './useCustomer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Merges and splits of this customer; merge another customer in (with a preview) or undo a merge. */
export function IdentityHistory({ view, mayChange }: { view: CustomerView; mayChange: boolean }) {
  const { t, i18n } = useTranslation();
  const history = useIdentityHistory(view.id);
  const { merge, split } = useIdentityChange();
  const [merging, setMerging] = useState(false);
  const [other, setOther] = useState('');
  const [undoing, setUndoing] = useState<IdentityEvent | null>(null);
  const candidate = useQuery({
    queryKey: ['customer', other.trim()],
    queryFn: () => api<CustomerView>(`/api/v1/customers/${other.trim()}`),
    enabled: merging && UUID.test(other.trim()),
  });
  const preview = candidate.data && candidate.data.id !== view.id ? candidate.data : null;
  const movedProfiles = (event: IdentityEvent) => (event.moves ?? []).filter((move) => move.toCustomer === view.id).map((move) => move.profileId);
  const undoable = (event: IdentityEvent) => event.kind === 'merge' && movedProfiles(event).length > 0 && movedProfiles(event).every((profile) => (view.profiles ?? []).some((p) => p.id === profile));

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('customer.history')}</h2>
      {mayChange && (
        <button type="button" onClick={() => setMerging(true)}>
          {t('customer.merge')}
        </button>
      )}
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Failed error={history.error} retry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Empty>{t('customer.noHistory')}</Empty>
      ) : (
        <ul>
          {history.data.map((event) => (
            <li key={event.id} data-testid="identity-event">
              {event.kind === 'merge' ? t('customer.merged') : t('customer.splitEvent')} · {formatDateTime(event.occurredAt, i18n.language)} ·{' '}
              {t('customer.by', { actor: event.actor })}
              {mayChange && undoable(event) && (
                <button type="button" onClick={() => setUndoing(event)}>
                  {t('customer.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={merging}
        onOpenChange={(open) => {
          setMerging(open);
          if (!open) setOther('');
        }}
        title={t('customer.mergeTitle')}
        confirmLabel={t('customer.confirmMerge')}
        confirmDisabled={!preview}
        busy={merge.isPending}
        onConfirm={() =>
          preview &&
          merge.mutate({ into: view.id, others: [preview.id] }, { onSuccess: () => { setMerging(false); setOther(''); } })
        }
      >
        <label htmlFor="merge-other">{t('customer.mergeTarget')}</label>
        <input id="merge-other" value={other} onChange={(event) => setOther(event.target.value)} size={40} autoComplete="off" />
        {candidate.isError && <Failed error={candidate.error} />}
        {preview && (
          <div aria-live="polite">
            <p>{t('customer.previewText', { name: view.displayName ?? view.id })}</p>
            <ul data-testid="merge-preview">
              {(preview.profiles ?? []).map((profile) => (
                <li key={profile.id}>
                  {preview.displayName} — {profile.source} / {profile.externalId}
                </li>
              ))}
            </ul>
          </div>
        )}
        {merge.isError && <Failed error={merge.error} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={undoing !== null}
        onOpenChange={(open) => !open && setUndoing(null)}
        title={t('customer.undoTitle')}
        confirmLabel={t('customer.undo')}
        busy={split.isPending}
        onConfirm={() => undoing && split.mutate({ from: view.id, profileIds: movedProfiles(undoing) }, { onSuccess: () => setUndoing(null) })}
      >
        <p>{t('customer.undoText', { count: undoing ? movedProfiles(undoing).length : 0 })}</p>
        {split.isError && <Failed error={split.error} />}
      </ConfirmDialog>
    </section>
  );
}
