import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../shared/auth';
import { formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { type Suggestion, useMergeSuggestions, useSuggestionDecisions } from './useMergeSuggestions';

/** The queue of open merge suggestions: pairs side by side with score and reasons; merge or dismiss, one or many. */
export default function MergeSuggestionsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('suggestions.title'));
  const me = useMe();
  const mayDecide = can(me.data, 'identity-resolution:write');
  const suggestions = useMergeSuggestions();
  const { merge, dismiss } = useSuggestionDecisions();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = suggestions.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = items.filter((item) => selected.has(item.id));
  const toggle = (id: string) =>
    setSelected((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decide = (action: typeof merge, which: Suggestion[]) => action.mutate(which, { onSuccess: () => setSelected(new Set()) });
  const busy = merge.isPending || dismiss.isPending;

  return (
    <section>
      <h1>{t('suggestions.title')}</h1>
      {mayDecide && items.length > 0 && (
        <div className="toolbar" role="group" aria-label={t('suggestions.bulk')}>
          <button type="button" disabled={busy || chosen.length === 0} onClick={() => decide(merge, chosen)}>
            {t('suggestions.mergeSelected', { count: chosen.length })}
          </button>
          <button type="button" disabled={busy || chosen.length === 0} onClick={() => decide(dismiss, chosen)}>
            {t('suggestions.dismissSelected', { count: chosen.length })}
          </button>
        </div>
      )}
      {(merge.isError || dismiss.isError) && <Failed error={merge.error ?? dismiss.error} />}
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <Failed error={suggestions.error} retry={() => void suggestions.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('suggestions.empty')}</Empty>
      ) : (
        <ul className="suggestions">
          {items.map((suggestion) => (
            <li key={suggestion.id} className="card" data-testid="suggestion">
              <div className="pair">
                {suggestion.customers.map((customer) => (
                  <div key={customer.id}>
                    <Link to={`/customers/${customer.id}`}>{customer.displayName ?? customer.email ?? customer.id}</Link>
                    <br />
                    <span className="muted">{[customer.email, customer.phone].filter(Boolean).join(' · ')}</span>
                  </div>
                ))}
              </div>
              <p>
                {t('suggestions.score')}: <strong>{formatNumber(suggestion.score * 100, i18n.language, 'percent')}</strong>
              </p>
              <ul className="chips" aria-label={t('suggestions.reasons')}>
                {suggestion.reasons.map((reason) => (
                  <li key={reason} className="chip">
                    {reason}
                  </li>
                ))}
              </ul>
              {mayDecide && (
                <div className="toolbar">
                  <label>
                    <input type="checkbox" checked={selected.has(suggestion.id)} onChange={() => toggle(suggestion.id)} />{' '}
                    {t('suggestions.select')}
                  </label>
                  <button type="button" disabled={busy} onClick={() => decide(merge, [suggestion])}>
                    {t('suggestions.merge')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => decide(dismiss, [suggestion])}>
                    {t('suggestions.dismiss')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {suggestions.hasNextPage && (
        <button type="button" disabled={suggestions.isFetchingNextPage} onClick={() => void suggestions.fetchNextPage()}>
          {t('customers.loadMore')}
        </button>
      )}
    </section>
  );
}
