import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdown } from '../daily/common';
import type { Ticket } from './useSupport';

/** The SLA state of a ticket: the next target counting down, or which target was missed. */
export function SlaBadge({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const breaches = [ticket.sla.firstResponseBreached && t('daily.support.firstResponseBreached'), ticket.sla.resolutionBreached && t('daily.support.resolutionBreached')].filter(Boolean);
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const due = !ticket.firstRespondedAt ? ticket.sla.firstResponseDueAt : ticket.sla.resolutionDueAt;
  const next = done ? null : countdown(due as string, now, i18n.language);
  return (
    <span className="sla" data-testid="sla">
      {breaches.length > 0 && <span className="badge danger">{breaches.join(', ')}</span>}
      {next && !next.overdue && (
        <span>{!ticket.firstRespondedAt ? t('daily.support.firstResponseDue', { when: next.text }) : t('daily.support.resolutionDue', { when: next.text })}</span>
      )}
      {next?.overdue && breaches.length === 0 && <span className="badge danger">{next.text}</span>}
      {done && breaches.length === 0 && <span className="badge ok">{t('daily.support.metSla')}</span>}
    </span>
  );
}
