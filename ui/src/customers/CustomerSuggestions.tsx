import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api/client';
import { formatNumber } from '../shared/format';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Empty, Failed, Loading } from '../shared/ui/States';
import type { Suggestion } from '../identity/useMergeSuggestions';
import { useCustomerSuggestions } from './useCustomer360';

/** Merge suggestions involving this customer, with why they matched; merge the other customer in, or mark them not the same. */
export function CustomerSuggestions({ customerId, mayDecide }: { customerId: string; mayDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const suggestions = useCustomerSuggestions(customerId, true);
  const queries = useQueryClient();
  const [merging, setMerging] = useState<Suggestion | null>(null);
  const settle = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['merge-suggestions'] }),
      queries.invalidateQueries({ queryKey: ['customer'] }),
      queries.invalidateQueries({ queryKey: ['timeline'] }),
      queries.invalidateQueries({ queryKey: ['customers'] }),
    ]);
  const merge = useMutation({
    mutationFn: (other: string) => api(`/api/v1/customers/${customerId}/merge`, { method: 'POST', body: JSON.stringify({ customerIds: [other] }) }),
    onSettled: settle,
  });
  const dismiss = useMutation({
    mutationFn: (suggestion: Suggestion) => api(`/api/v1/merge-suggestions/${suggestion.id}/dismiss`, { method: 'POST' }),
    onSettled: settle,
  });
  const otherOf = (suggestion: Suggestion) => suggestion.customers.find((customer) => customer.id !== customerId) ?? suggestion.customers[1];
  const error = merge.error ?? dismiss.error;

  return (
    <section aria-labelledby="customer-suggestions-title">
      <h2 id="customer-suggestions-title">{t('customer360.suggestions')}</h2>
      {error && <Failed error={error} />}
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <Failed error={suggestions.error} retry={() => void suggestions.refetch()} />
      ) : suggestions.data.length === 0 ? (
        <Empty>{t('customer360.noSuggestions')}</Empty>
      ) : (
        <ul data-testid="customer-suggestions">
          {suggestions.data.map((suggestion) => {
            const other = otherOf(suggestion);
            const name = other?.displayName || t('customers.unnamed');
            return (
              <li key={suggestion.id}>
                <Link to={`/customers/${other?.id}`}>{name}</Link>{' '}
                <span className="muted">
                  · {t('suggestions.score')} {formatNumber(suggestion.score, i18n.language)} · {suggestion.reasons.join('; ')}
                </span>
                {mayDecide && (
                  <span className="actions">
                    <button type="button" onClick={() => setMerging(suggestion)} aria-label={t('customer360.mergeNamed', { name })}>
                      {t('suggestions.merge')}
                    </button>
                    <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate(suggestion)}
                      aria-label={t('customer360.dismissNamed', { name })}>
                      {t('suggestions.dismiss')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={merging !== null}
        onOpenChange={(open) => !open && setMerging(null)}
        title={t('customer.mergeTitle')}
        confirmLabel={t('customer.confirmMerge')}
        busy={merge.isPending}
        onConfirm={() => {
          const other = merging && otherOf(merging);
          if (other) merge.mutate(other.id, { onSuccess: () => setMerging(null) });
        }}
      >
        <p>{t('customer360.mergeText', { name: (merging && otherOf(merging)?.displayName) || t('customers.unnamed') })}</p>
      </ConfirmDialog>
    </section>
  );
}
