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

/** A free-text reason as a consent source: "ui." and the words in lower case, joined by '-' (the API takes a slug). */
export function reasonSource(reason: string): string {
  const slug = reason.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `ui.${slug || 'manual'}`.slice(0, 100);
}
