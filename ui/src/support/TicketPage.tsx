import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, ReadOnlyNote, useCan } from '../daily/common';
import { SlaBadge } from './SlaBadge';
import { CHANNELS } from './TicketsPage';
import { useTicket, useTicketHistory, useTicketWrite, type Ticket } from './useSupport';

/** One ticket: its SLA, status history and contacts; support records responses, contacts, status and the resolution. */
export default function TicketPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const ticket = useTicket(id);
  const history = useTicketHistory(id);
  const writer = useCan('support:write');
  usePageTitle(ticket.data?.subject ?? t('daily.support.ticket'));
  if (ticket.isPending) return <Loading />;
  if (ticket.isError) return <Failed error={ticket.error} retry={() => void ticket.refetch()} />;
  const data = ticket.data;
  const entries = history.data?.items ?? [];
  return (
    <section>
      <p><Link to="/support/tickets">{t('daily.support.back')}</Link></p>
      <h1>{data.subject}</h1>
      <ReadOnlyNote show={!writer} />
      <dl className="facts" data-testid="ticket-facts">
        <dt>{t('daily.status')}</dt><dd data-testid="ticket-status">{t(`daily.support.statuses.${data.status}`)}</dd>
        <dt>{t('daily.priority')}</dt><dd>{t(`home.priorities.${data.priority}`)}</dd>
        <dt>{t('daily.support.channel')}</dt><dd>{t(`daily.channels.${data.channel}`)}</dd>
        <dt>{t('daily.tasks.customer')}</dt><dd>{data.customerId ? <Link to={`/customers/${data.customerId}`}>{t('daily.tasks.openCustomer')}</Link> : '—'}</dd>
        <dt>{t('daily.support.openedAt')}</dt><dd>{formatDateTime(data.openedAt as string, i18n.language)}</dd>
        <dt>{t('daily.support.sla')}</dt><dd><SlaBadge ticket={data} /></dd>
        <dt>{t('daily.support.contacts')}</dt><dd>{formatNumber(data.contacts, i18n.language)}</dd>
        <dt>{t('daily.support.responses')}</dt><dd>{formatNumber(data.responses, i18n.language)}</dd>
        {data.description && (<><dt>{t('daily.support.description')}</dt><dd>{data.description}</dd></>)}
        {data.resolutionNote && (<><dt>{t('daily.support.resolution')}</dt><dd>{data.resolutionNote}</dd></>)}
        {data.crmOrigin && (<><dt>{t('daily.support.origin')}</dt>
          <dd data-testid="ticket-origin">{t('daily.support.fromCrm', { source: data.crmOrigin.source, object: data.crmOrigin.object, record: data.crmOrigin.recordId ?? '—' })}</dd></>)}
      </dl>
      {writer && !data.crmOrigin && <TicketActions ticket={data} />}
      <h2>{t('daily.support.history')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Failed error={history.error} retry={() => void history.refetch()} />
      ) : entries.length === 0 ? (
        <Empty>{t('daily.support.noHistory')}</Empty>
      ) : (
        <ol className="history" data-testid="ticket-history">
          {entries.map((entry) => (
            <li key={entry.seq}>
              <time dateTime={entry.at as string}>{formatDateTime(entry.at as string, i18n.language)}</time>{' '}
              <strong>{t(`daily.support.kinds.${entry.kind}`)}</strong>
              {entry.kind === 'status' || entry.kind === 'priority' ? ` ${entry.from ?? '—'} → ${entry.to ?? '—'}` : entry.to ? ` (${entry.to})` : ''}
              {entry.actor && ` · ${entry.actor}`}
              {entry.note && <div className="hint">{entry.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const write = useTicketWrite();
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState('');
  const [resolution, setResolution] = useState('');
  const [links, setLinks] = useState<Ticket['feedback']>(undefined);
  const base = `/${encodeURIComponent(ticket.id)}`;
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const run = (path: string, body: unknown, method = 'POST') =>
    write.mutate({ path: base + path, body, method }, {
      onSuccess: (result) => {
        setNote('');
        if (result.feedback) setLinks(result.feedback);
      },
    });
  return (
    <div className="panel" role="region" aria-labelledby="ticket-actions">
      <h2 id="ticket-actions">{t('daily.support.work')}</h2>
      <label htmlFor="ticket-note">{t('daily.support.note')}</label>
      <input id="ticket-note" value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
      <div className="actions left">
        {!done && <button type="button" disabled={write.isPending} onClick={() => run('/responses', { note: note || undefined })}>{t('daily.support.respond')}</button>}
        <label htmlFor="contact-channel" className="visually-hidden">{t('daily.support.channel')}</label>
        <select id="contact-channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
          <option value="">{t('daily.support.anyChannel')}</option>
          {CHANNELS.map((option) => <option key={option} value={option}>{t(`daily.channels.${option}`)}</option>)}
        </select>
        <button type="button" disabled={write.isPending} onClick={() => run('/contacts', { note: note || undefined, channel: channel || undefined })}>{t('daily.support.contact')}</button>
        {ticket.status === 'open' && <button type="button" disabled={write.isPending} onClick={() => run('', { status: 'pending', note: note || undefined }, 'PATCH')}>{t('daily.support.markPending')}</button>}
        {ticket.status !== 'open' && ticket.status !== 'closed' && <button type="button" disabled={write.isPending} onClick={() => run('', { status: 'open', note: note || undefined }, 'PATCH')}>{t('daily.support.reopen')}</button>}
        {ticket.status !== 'closed' && <button type="button" disabled={write.isPending} onClick={() => run('', { status: 'closed', note: note || undefined }, 'PATCH')}>{t('daily.support.close')}</button>}
      </div>
      {!done && (
        <form className="inline-form" onSubmit={(event) => { event.preventDefault(); run('/resolve', { resolution }); }}>
          <label htmlFor="ticket-resolution">{t('daily.support.resolution')}</label>
          <input id="ticket-resolution" value={resolution} onChange={(event) => setResolution(event.target.value)} required maxLength={5000} />
          <button type="submit" className="primary" disabled={write.isPending}>{t('daily.support.resolve')}</button>
        </form>
      )}
      <Problem error={write.error} />
      {links && (
        <div role="status" data-testid="feedback-links">
          <p>{links.length ? t('daily.support.feedbackSent') : t('daily.support.noFeedback')}</p>
          <ul className="links">
            {links.map((link) => (
              <li key={link.invitationId}>
                {t(`feedback.kinds.${link.kind}`)}: <a href={link.answerPath ?? `/answer/${link.token}`}>{window.location.origin}{link.answerPath ?? `/answer/${link.token}`}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
