import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, ReadOnlyNote, useCan, useUrlParam } from '../daily/common';
import { SlaBadge } from './SlaBadge';
import { useTickets, useTicketWrite } from './useSupport';

export const CHANNELS = ['email', 'phone', 'chat', 'web', 'store', 'social', 'app', 'sms', 'event', 'other'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;

/** The support queue: tickets with their SLA countdown and breaches, filters in the address, a new ticket. */
export default function TicketsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.support.title'));
  const writer = useCan('support:write');
  const [status, setStatus] = useUrlParam('status');
  const [priority, setPriority] = useUrlParam('priority');
  const [breached, setBreached] = useUrlParam('breached');
  const [customerId, setCustomerId] = useUrlParam('customerId');
  const [opening, setOpening] = useUrlParam('new');
  const tickets = useTickets({ status, priority, breached, customerId });
  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{t('daily.support.title')}</h1>
      <p><Link to="/support/sla-policies">{t('daily.support.slaPolicies')}</Link></p>
      <ReadOnlyNote show={!writer} />
      {writer && opening === '' && (
        <button type="button" className="primary" onClick={() => setOpening('1')}>{t('daily.support.open')}</button>
      )}
      {writer && opening !== '' && <OpenTicket customerId={customerId} onCancel={() => setOpening(null)} />}
      <div className="filters" role="group" aria-label={t('daily.filters')}>
        <label htmlFor="ticket-status">{t('daily.status')}</label>
        <select id="ticket-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          {STATUSES.map((option) => <option key={option} value={option}>{t(`daily.support.statuses.${option}`)}</option>)}
        </select>
        <label htmlFor="ticket-priority">{t('daily.priority')}</label>
        <select id="ticket-priority" value={priority} onChange={(event) => setPriority(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          {PRIORITIES.map((option) => <option key={option} value={option}>{t(`home.priorities.${option}`)}</option>)}
        </select>
        <label htmlFor="ticket-breached">{t('daily.support.sla')}</label>
        <select id="ticket-breached" value={breached} onChange={(event) => setBreached(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          <option value="true">{t('daily.support.breached')}</option>
          <option value="false">{t('daily.support.notBreached')}</option>
        </select>
        {customerId && (
          <button type="button" onClick={() => setCustomerId(null)}>{t('daily.support.allCustomers')}</button>
        )}
      </div>
      {tickets.isPending ? (
        <Loading />
      ) : tickets.isError ? (
        <Failed error={tickets.error} retry={() => void tickets.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('daily.support.empty')}</Empty>
      ) : (
        <table data-testid="tickets">
          <caption className="visually-hidden">{t('daily.support.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('daily.support.subject')}</th>
              <th scope="col">{t('daily.priority')}</th>
              <th scope="col">{t('daily.status')}</th>
              <th scope="col">{t('daily.support.sla')}</th>
              <th scope="col">{t('daily.tasks.customer')}</th>
              <th scope="col">{t('daily.support.openedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((ticket) => (
              <tr key={ticket.id} data-testid="ticket">
                <th scope="row"><Link to={`/support/tickets/${ticket.id}`}>{ticket.subject}</Link></th>
                <td><span className={`badge priority-${ticket.priority}`}>{t(`home.priorities.${ticket.priority}`)}</span></td>
                <td>{t(`daily.support.statuses.${ticket.status}`)}</td>
                <td><SlaBadge ticket={ticket} /></td>
                <td>{ticket.customerId ? <Link to={`/customers/${ticket.customerId}`}>{t('daily.tasks.openCustomer')}</Link> : '—'}</td>
                <td>{formatDateTime(ticket.openedAt as string, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tickets.hasNextPage && (
        <button type="button" onClick={() => void tickets.fetchNextPage()} disabled={tickets.isFetchingNextPage}>{t('customers.loadMore')}</button>
      )}
    </section>
  );
}

function OpenTicket({ customerId, onCancel }: { customerId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const write = useTicketWrite();
  const [customer, setCustomer] = useState(customerId);
  const [subject, setSubject] = useState('');
  const [channel, setChannel] = useState('email');
  const [priority, setPriority] = useState('normal');
  const [description, setDescription] = useState('');
  return (
    <form className="panel form-grid" aria-labelledby="open-title" data-testid="open-ticket"
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate({ path: '', body: { customerId: customer.trim(), subject, channel, priority, description: description || undefined } },
          { onSuccess: (ticket) => navigate(`/support/tickets/${ticket.id}`) });
      }}>
      <h2 id="open-title">{t('daily.support.open')}</h2>
      <label htmlFor="ticket-customer">{t('daily.surveys.customerId')}</label>
      <input id="ticket-customer" value={customer} onChange={(event) => setCustomer(event.target.value)} required />
      <label htmlFor="ticket-subject">{t('daily.support.subject')}</label>
      <input id="ticket-subject" value={subject} onChange={(event) => setSubject(event.target.value)} required maxLength={200} />
      <label htmlFor="ticket-channel">{t('daily.support.channel')}</label>
      <select id="ticket-channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
        {CHANNELS.map((option) => <option key={option} value={option}>{t(`daily.channels.${option}`)}</option>)}
      </select>
      <label htmlFor="ticket-new-priority">{t('daily.priority')}</label>
      <select id="ticket-new-priority" value={priority} onChange={(event) => setPriority(event.target.value)}>
        {PRIORITIES.map((option) => <option key={option} value={option}>{t(`home.priorities.${option}`)}</option>)}
      </select>
      <label htmlFor="ticket-description">{t('daily.support.description')}</label>
      <textarea id="ticket-description" value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
      <Problem error={write.error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>{t('customer.cancel')}</button>
        <button type="submit" disabled={write.isPending}>{t('daily.support.openSubmit')}</button>
      </div>
    </form>
  );
}
