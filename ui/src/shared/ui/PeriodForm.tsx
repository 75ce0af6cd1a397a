import { type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A period as the API's query parameters take it (a type alias, so it passes as a query record). */
export type Period = { from?: string; to?: string };

/** The period in the address (?from=&to=, ISO dates), as the pages' queries take it. */
export function usePeriod(): Period {
  const [search] = useSearchParams();
  return { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
}

/** A from/to date form that writes the period into the address on submit, keeping the other parameters. */
export function PeriodForm() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const period = usePeriod();
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(search);
    for (const key of ['from', 'to']) {
      const value = String(form.get(key) ?? '');
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next);
  };
  return (
    <form className="toolbar" onSubmit={apply} key={search.toString()} aria-label={t('kpis.period')}>
      <label>
        {t('timeline.from')}
        <input type="date" name="from" defaultValue={period.from ?? ''} />
      </label>
      <label>
        {t('timeline.to')}
        <input type="date" name="to" defaultValue={period.to ?? ''} />
      </label>
      <button type="submit">{t('timeline.apply')}</button>
    </form>
  );
}
