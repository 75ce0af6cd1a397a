import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Failed } from '../shared/ui/States';
import { type CustomerView, useIdentityChange } from './useCustomer';

type Profile = NonNullable<CustomerView['profiles']>[number];

/** The contributing profiles with their identifiers; a profile can be split off into a customer of its own. */
export function Profiles({ view, mayChange }: { view: CustomerView; mayChange: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { split } = useIdentityChange();
  const [splitting, setSplitting] = useState<Profile | null>(null);
  const profiles = view.profiles ?? [];
  const confirm = () => {
    if (!splitting) return;
    split.mutate({ from: view.id, profileIds: [splitting.id] }, { onSuccess: () => setSplitting(null) });
  };
  return (
    <section aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('customer.profiles')}</h2>
      <ul>
        {profiles.map((profile) => (
          <li key={profile.id} data-testid="profile">
            <strong>{profile.source}</strong> / {profile.externalId} <span className="muted">{formatDateTime(profile.observedAt, i18n.language)}</span>
            <ul className="chips" aria-label={t('customer.identifiers')}>
              {(view.identifiers ?? [])
                .filter((identifier) => identifier.profileId === profile.id)
                .map((identifier) => (
                  <li key={`${identifier.type}:${identifier.value}`} className="chip">
                    {identifier.type}: {identifier.value}
                  </li>
                ))}
            </ul>
            {mayChange && profiles.length > 1 && (
              <button type="button" onClick={() => setSplitting(profile)} aria-label={`${t('customer.split')}: ${profile.source} / ${profile.externalId}`}>
                {t('customer.split')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {(view.members ?? []).length > 0 && (
        <p>
          {(view.members ?? []).map((member) => (
            <button key={member.id} type="button" className="chip" onClick={() => navigate(`/customers/${member.id}`)}>
              {member.displayName}
            </button>
          ))}
        </p>
      )}
      <ConfirmDialog
        open={splitting !== null}
        onOpenChange={(open) => !open && setSplitting(null)}
        title={t('customer.splitTitle')}
        confirmLabel={t('customer.confirm')}
        onConfirm={confirm}
        busy={split.isPending}
      >
        <p>{t('customer.splitText', { source: splitting?.source, externalId: splitting?.externalId })}</p>
        {split.isError && <Failed error={split.error} />}
      </ConfirmDialog>
    </section>
  );
}
