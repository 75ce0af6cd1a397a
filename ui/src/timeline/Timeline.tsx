import { type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { TIMELINE_FILTERS, type TimelineFilter, useTimeline } from './useTimeline';

export const PHASES = ['awareness', 'interest', 'consideration', 'intent', 'purchase', 'retention', 'advocacy'];

/** The one timeline of a customer: filters in the address, newest first, older pages on demand. */
export function Timeline({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filter: TimelineFilter = Object.fromEntries(TIMELINE_FILTERS.map((key) => [key, search.get(key) ?? undefined]).filter(([, value]) => value));
  const timeline = useTimeline(customerId, filter);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(search);
    for (const key of TIMELINE_FILTERS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, key === 'from' || key === 'to' ? new Date(value).toISOString() : value);
      else next.delete(key);
    }
    setSearch(next);
  };
  const reset = () => {
    const next = new URLSearchParams(search);
    TIMELINE_FILTERS.forEach((key) => next.delete(key));
    setSearch(next);
  };
  const local = (value?: string) => (value ? value.slice(0, 10) : '');

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <form className="toolbar" onSubmit={apply} key={search.toString()} aria-label={t('timeline.title')}>
        {(['channel', 'module', 'type'] as const).map((key) => (
          <label key={key}>
            {t(`timeline.${key}`)}
            <input name={key} defaultValue={filter[key] ?? ''} size={12} />
          </label>
        ))}
        <label>
          {t('timeline.phase')}
          <select name="phase" defaultValue={filter.phase ?? ''}>
            <option value="">{t('timeline.any')}</option>
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {phase}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('timeline.from')}
          <input name="from" type="date" defaultValue={local(filter.from)} />
        </label>
        <label>
          {t('timeline.to')}
          <input name="to" type="date" defaultValue={local(filter.to)} />
        </label>
        <button type="submit">{t('timeline.apply')}</button>
        <button type="button" onClick={reset}>
          {t('timeline.reset')}
        </button>
      </form>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <Failed error={timeline.error} retry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('timeline.empty')}</Empty>
      ) : (
        <>
          <ol className="timeline" aria-label={t('timeline.title')}>
            {items.map((item) => (
              <li key={item.id} data-testid="touchpoint">
                <strong>{item.type}</strong> <span className="muted">· {item.channel} · {item.module} {item.phase ? `· ${item.phase}` : ''}</span>
                <br />
                <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt, i18n.language)}</time>
                {item.score != null && <span> · {t('timeline.score')} {formatNumber(item.score, i18n.language)}</span>}
                {item.amount != null && (
                  <span>
                    {' '}· {t('timeline.amount')} {formatNumber(item.amount, i18n.language)} {item.currency}
                  </span>
                )}
              </li>
            ))}
          </ol>
          {timeline.hasNextPage && (
            <button type="button" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
              {t('timeline.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
