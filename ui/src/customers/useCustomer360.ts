import { useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Journey = Schema<'JourneyView'>;
export type Consents = Schema<'ConsentsView'>;
export type Task = Schema<'TaskView'>;
type TaskPage = Schema<'PageTaskView'>;
type SuggestionPage = Schema<'PageSuggestionView'>;

/** The customer's journey: phases reached, time in each, the peak and the end. */
export function useJourney(id: string) {
  return useQuery({ queryKey: ['customer', id, 'journey'], queryFn: () => api<Journey>(`/api/v1/customers/${encodeURIComponent(id)}/journey`) });
}

export function useConsents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer', id, 'consents'],
    queryFn: () => api<Consents>(`/api/v1/customers/${encodeURIComponent(id)}/consents`),
    enabled,
  });
}

/** The customer's tasks that still need doing (open or in progress), newest first. */
export function useOpenTasks(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer', id, 'tasks'],
    queryFn: async () => {
      const page = await api<TaskPage>(`/api/v1/tasks${query({ customerId: id, limit: 100 })}`);
      return page.items.filter((task) => task.status === 'open' || task.status === 'in_progress');
    },
    enabled,
  });
}

/** The open merge suggestions that involve this customer, best first. */
export function useCustomerSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['merge-suggestions', 'customer', id],
    queryFn: async () => (await api<SuggestionPage>(`/api/v1/merge-suggestions${query({ customerId: id, limit: 50 })}`)).items,
    enabled,
  });
}
