import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Consent = Schema<'ConsentItem'>;
export type Receipt = Schema<'ReceiptView'>;

/** What erasing the customer would anonymise (GET /api/v1/customers/{id}/erase/preview). */
export type ErasurePreview = Schema<'ErasurePreview'>;

export function useConsents(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['privacy', 'consents', customerId],
    queryFn: () => api<{ items: Consent[] }>(`/api/v1/customers/${customerId}/consents`),
    enabled,
  });
}

export function useErasurePreview(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['privacy', 'erase-preview', customerId],
    queryFn: () => api<ErasurePreview>(`/api/v1/customers/${customerId}/erase/preview`),
    enabled,
    staleTime: 0,
  });
}

export function useReceipt(receiptId: string | null) {
  return useQuery({
    queryKey: ['privacy', 'receipt', receiptId],
    queryFn: () => api<Receipt>(`/api/v1/erasures/${encodeURIComponent(receiptId ?? '')}`),
    enabled: !!receiptId,
  });
}


/** The customer's consent changes from the audit log (only for those who may read the audit log), newest first. */
export function useConsentHistory(customerId: string) {
  return useQuery({
    queryKey: ['privacy', 'consent-history', customerId],
    queryFn: () => api<{ items: Schema<'AuditEntry'>[]; nextCursor: string | null }>(
      `/api/v1/audit?action=consent.changed&targetType=customer&targetId=${encodeURIComponent(customerId)}&limit=50`),
  });
}
