import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';
import { can, useMe } from '../shared/auth';
import { formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { KpiStatus } from '../kpis/KpisPage';
import { type KpiDefinition, useKpiDefinitions, useKpiValue } from '../kpis/useKpis';
import { CustomersAtRisk, MyOpenTasks } from './HomeLists';

type SuggestionPage = Schema<'PageSuggestionView'>;

function KpiTile({ kpi }: { kpi: KpiDefinition }) {
  const { i18n, t } = useTranslation();
  const value = useKpiValue(kpi.key);
  return (
    <li className="card">
      <Link to={`/kpis/${encodeURIComponent(kpi.key)}`}>{kpi.name}</Link>
      <p>
        {value.isPending ? '…' : value.isError ? '–' : value.data.value == null ? t('kpis.noValue') : <span className="value">{formatNumber(value.data.value, i18n.language, value.data.unit)}</span>}{' '}
        <KpiStatus status={value.data?.status} />
      </p>
    </li>
  );
}

/** The start page: my open tasks, customers at risk, shared KPIs and open merge suggestions, each shown only to who may read them. */
export default function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useMe();
  const mayReadKpis = can(me.data, 'kpis:read');
  const mayReadSuggestions = can(me.data, 'identity-resolution:read');
  const kpis = useKpiDefinitions();
  const suggestions = useQuery({
    queryKey: ['merge-suggestions', 'home'],
    queryFn: () => api<SuggestionPage>(`/api/v1/merge-suggestions${query({ limit: 5 })}`),
    enabled: mayReadSuggestions,
  });
  const shared = kpis.data?.filter((kpi) => kpi.shared) ?? [];
  return (
    <section>
      <h1>{t('home.welcome', { name: me.data?.name ?? '' })}</h1>
      {me.data && can(me.data, 'tasks:read') && <MyOpenTasks me={me.data} />}
      {can(me.data, 'feedback:read') && <CustomersAtRisk />}
      {mayReadKpis && (
        <section aria-labelledby="home-kpis">
          <h2 id="home-kpis">{t('home.sharedKpis')}</h2>
          {kpis.isPending ? <Loading /> : kpis.isError ? <Failed error={kpis.error} /> : shared.length === 0 ? <Empty>{t('home.noKpis')}</Empty> : (
            <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
              {shared.map((kpi) => (
                <KpiTile key={kpi.key} kpi={kpi} />
              ))}
            </ul>
          )}
        </section>
      )}
      {mayReadSuggestions && (
        <section aria-labelledby="home-suggestions">
          <h2 id="home-suggestions">{t('home.openSuggestions')}</h2>
          {suggestions.isPending ? <Loading /> : suggestions.isError ? <Failed error={suggestions.error} /> : suggestions.data.items.length === 0 ? (
            <Empty>{t('home.noSuggestions')}</Empty>
          ) : (
            <>
              <ul>
                {suggestions.data.items.map((suggestion) => (
                  <li key={suggestion.id}>{suggestion.customers.map((customer) => customer.displayName ?? customer.email ?? customer.id).join(' ↔ ')}</li>
                ))}
              </ul>
              <Link to="/merge-suggestions">{t('home.viewAll')}</Link>
            </>
          )}
        </section>
      )}
    </section>
  );
}
