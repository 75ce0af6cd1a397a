import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, ReadOnlyNote, useCan, useUrlParam } from '../daily/common';
import { SalesNav } from './LeadsPage';
import { OPEN_STAGES, useCreateDeal, useDeals, useMoveDeal, type Deal } from './useSales';

type Closing = { deal: Deal; outcome: 'won' | 'lost' };

/**
 * The deal pipeline as a board by stage. Sales drags a card to another column or, without a mouse, picks the
 * stage in the card's "Move to" list; won and lost ask for the reason.
 */
export default function PipelinePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.sales.pipeline'));
  const writer = useCan('sales:write');
  const deals = useDeals();
  const move = useMoveDeal();
  const [closing, setClosing] = useState<Closing | null>(null);
  const [reason, setReason] = useState('');
  const [showClosed, setShowClosed] = useUrlParam('closed');
  const [over, setOver] = useState<string | null>(null);
  const [adding, setAdding] = useUrlParam('new');
  const moveTo = (deal: Deal, stage: string) => {
    if (stage === deal.stage) return;
    if (stage === 'won' || stage === 'lost') {
      setReason('');
      setClosing({ deal, outcome: stage });
    } else {
      move.mutate({ id: deal.id, change: { stage } });
    }
  };
  const columns = [...OPEN_STAGES, 'won', 'lost'];
  const all = deals.data ?? [];
  return (
    <section>
      <h1>{t('daily.sales.pipeline')}</h1>
      <SalesNav />
      <ReadOnlyNote show={!writer} />
      {writer && adding === '' && <button type="button" className="primary" onClick={() => setAdding('1')}>{t('daily.sales.newDeal')}</button>}
      {writer && adding !== '' && <NewDeal onDone={() => setAdding(null)} />}
      <label className="checkbox">
        <input type="checkbox" checked={showClosed === '1'} onChange={(event) => setShowClosed(event.target.checked ? '1' : null)} /> {t('daily.sales.showClosed')}
      </label>
      <Problem error={move.error} />
      {deals.isPending ? (
        <Loading />
      ) : deals.isError ? (
        <Failed error={deals.error} retry={() => void deals.refetch()} />
      ) : all.length === 0 ? (
        <Empty>{t('daily.sales.noDeals')}</Empty>
      ) : (
        <div className="board" data-testid="pipeline" role="region" aria-label={t('daily.sales.board')} tabIndex={0}>
          {columns.map((stage) => {
            const cards = all.filter((deal) => deal.stage === stage);
            const shown = stage === 'won' || stage === 'lost' ? (showClosed ? cards : []) : cards;
            const sum = cards.reduce((total, deal) => total + Number(deal.amount), 0);
            return (
              <section key={stage} className={`column${over === stage ? ' over' : ''}`} aria-labelledby={`stage-${stage}`} data-testid={`stage-${stage}`}
                onDragOver={(event) => { if (writer) { event.preventDefault(); setOver(stage); } }}
                onDragLeave={() => setOver(null)}
                onDrop={(event) => {
                  event.preventDefault();
                  setOver(null);
                  const deal = all.find((candidate) => candidate.id === event.dataTransfer.getData('text/plain'));
                  if (deal) moveTo(deal, stage);
                }}>
                <h2 id={`stage-${stage}`}>{t(`daily.sales.stages.${stage}`)} <span className="count">({cards.length} · {formatNumber(sum, i18n.language)})</span></h2>
                <ul>
                  {shown.map((deal) => (
                    <li key={deal.id} className="card" draggable={writer && !deal.closedAt && !deal.crmOrigin} data-testid="deal"
                      onDragStart={(event) => event.dataTransfer.setData('text/plain', deal.id)}>
                      <strong>{deal.name}</strong>
                      <div>{formatNumber(deal.amount, i18n.language)}</div>
                      {deal.expectedCloseOn && <div className="hint">{t('daily.sales.expected', { date: formatDate(deal.expectedCloseOn, i18n.language) })}</div>}
                      {deal.wonReason && <div className="hint">{t('daily.sales.wonBecause', { reason: deal.wonReason })}</div>}
                      {deal.lostReason && <div className="hint">{t('daily.sales.lostBecause', { reason: deal.lostReason })}</div>}
                      {deal.crmOrigin && <div className="hint" data-testid="deal-origin">{t('daily.sales.fromCrm', { source: deal.crmOrigin.source })}</div>}
                      {deal.customerId && <Link to={`/customers/${deal.customerId}`}>{t('daily.tasks.openCustomer')}</Link>}
                      {writer && !deal.closedAt && !deal.crmOrigin && (
                        <select aria-label={t('daily.sales.moveNamed', { name: deal.name })} value={deal.stage} disabled={move.isPending}
                          onChange={(event) => moveTo(deal, event.target.value)}>
                          {[...OPEN_STAGES, 'won', 'lost'].map((option) => <option key={option} value={option}>{t(`daily.sales.stages.${option}`)}</option>)}
                        </select>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      <ConfirmDialog open={!!closing} onOpenChange={(open) => !open && setClosing(null)}
        title={closing ? t(closing.outcome === 'won' ? 'daily.sales.markWon' : 'daily.sales.markLost', { name: closing.deal.name }) : ''}
        confirmLabel={t('daily.save')} busy={move.isPending} confirmDisabled={closing?.outcome === 'lost' && reason.trim() === ''}
        onConfirm={() => closing && move.mutate(
          { id: closing.deal.id, change: { stage: closing.outcome, ...(reason.trim() ? { [closing.outcome === 'won' ? 'wonReason' : 'lostReason']: reason.trim() } : {}) } },
          { onSuccess: () => setClosing(null) })}>
        <label htmlFor="close-reason">{closing?.outcome === 'lost' ? t('daily.sales.lostReason') : t('daily.sales.wonReason')}</label>
        <input id="close-reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
        <Problem error={move.error} />
      </ConfirmDialog>
    </section>
  );
}

function NewDeal({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDeal();
  const [customerId, setCustomerId] = useState('');
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  return (
    <form className="panel form-grid" aria-labelledby="deal-title" onSubmit={(event) => {
      event.preventDefault();
      create.mutate({ customerId: customerId.trim(), name, amount: Number(amount) }, { onSuccess: onDone });
    }}>
      <h2 id="deal-title">{t('daily.sales.newDeal')}</h2>
      <label htmlFor="deal-customer">{t('daily.surveys.customerId')}</label>
      <input id="deal-customer" value={customerId} onChange={(event) => setCustomerId(event.target.value)} required />
      <label htmlFor="deal-name">{t('feedback.name')}</label>
      <input id="deal-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      <label htmlFor="deal-amount">{t('daily.sales.amount')}</label>
      <input id="deal-amount" type="number" min={0} step="0.01" value={amount} onChange={(event) => setAmount(event.target.value)} required />
      <Problem error={create.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>{t('customer.cancel')}</button>
        <button type="submit" disabled={create.isPending}>{t('daily.save')}</button>
      </div>
    </form>
  );
}
