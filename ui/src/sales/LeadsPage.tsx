import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useUrlParam } from '../daily/common';
import { useLeads } from './useSales';

const STATUSES = ['new', 'qualified', 'converted', 'disqualified'] as const;
const PRIORITIES = ['high', 'medium', 'low'] as const;

/** Leads, highest priority first, each with the reason for its priority. */
export default function LeadsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.sales.leads'));
  const [status, setStatus] = useUrlParam('status');
  const [priority, setPriority] = useUrlParam('priority');
  const leads = useLeads({ status, priority });
  const items = leads.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{t('daily.sales.leads')}</h1>
      <SalesNav />
      <div className="filters" role="group" aria-label={t('daily.filters')}>
        <label htmlFor="lead-priority">{t('daily.priority')}</label>
        <select id="lead-priority" value={priority} onChange={(event) => setPriority(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          {PRIORITIES.map((option) => <option key={option} value={option}>{t(`daily.sales.priorities.${option}`)}</option>)}
        </select>
        <label htmlFor="lead-status">{t('daily.status')}</label>
        <select id="lead-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          {STATUSES.map((option) => <option key={option} value={option}>{t(`daily.sales.leadStatuses.${option}`)}</option>)}
        </select>
      </div>
      {leads.isPending ? (
        <Loading />
      ) : leads.isError ? (
        <Failed error={leads.error} retry={() => void leads.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('daily.sales.noLeads')}</Empty>
      ) : (
        <table data-testid="leads">
          <caption className="visually-hidden">{t('daily.sales.leads')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.name')}</th>
              <th scope="col">{t('daily.sales.company')}</th>
              <th scope="col">{t('daily.priority')}</th>
              <th scope="col">{t('daily.sales.reason')}</th>
              <th scope="col">{t('daily.status')}</th>
              <th scope="col">{t('daily.sales.source')}</th>
              <th scope="col">{t('customers.created')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((lead) => (
              <tr key={lead.id} data-testid="lead">
                <th scope="row">
                  {lead.customerId ? (
                    <Link to={`/customers/${lead.customerId}`}>{[lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || lead.phone || t('customers.unnamed')}</Link>
                  ) : ([lead.firstName, lead.lastName].filter(Boolean).join(' ') || t('customers.unnamed'))}
                </th>
                <td>{lead.company ?? '—'}</td>
                <td><span className={`badge lead-${lead.priority}`}>{t(`daily.sales.priorities.${lead.priority}`)}</span></td>
                <td>{lead.priorityReason} ({formatNumber(lead.webVisits, i18n.language)})</td>
                <td>{t(`daily.sales.leadStatuses.${lead.status}`, { defaultValue: lead.status })}</td>
                <td>{lead.source ?? '—'}</td>
                <td>{formatDate(lead.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {leads.hasNextPage && <button type="button" onClick={() => void leads.fetchNextPage()}>{t('customers.loadMore')}</button>}
    </section>
  );
}

/** Links between the sales pages. */
export function SalesNav() {
  const { t } = useTranslation();
  return (
    <nav className="subnav" aria-label={t('daily.sales.nav')}>
      <Link to="/sales/leads">{t('daily.sales.leads')}</Link> · <Link to="/sales/pipeline">{t('daily.sales.pipeline')}</Link> ·{' '}
      <Link to="/sales/orders">{t('daily.sales.ordersAndSubscriptions')}</Link>
    </nav>
  );
}
