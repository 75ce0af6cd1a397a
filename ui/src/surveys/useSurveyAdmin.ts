import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type SurveyRequest = Schema<'SurveyRequest'>;
export type Invitation = Schema<'InvitationView'>;
type CustomerPage = { items: { id: string }[]; nextCursor?: string | null };

/** Creates a survey (no id) or changes one. */
export function useSaveSurvey() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<SurveyRequest> }) =>
      api<Schema<'SurveyView'>>(id ? `/api/v1/surveys/${encodeURIComponent(id)}` : '/api/v1/surveys', {
        method: id ? 'PUT' : 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** Invites one customer; the answer carries the single-use link. */
export function useInvite(surveyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      api<Invitation>(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations`, { method: 'POST', body: JSON.stringify({ customerId }) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** The most a segment invitation sends at once. */
export const SEGMENT_LIMIT = 500;

/** Invites every customer a search finds (the same search as the customer list), up to SEGMENT_LIMIT. */
export function useInviteSegment(surveyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (segment: { q: string; kind: string; source: string }) => {
      const invited: Invitation[] = [];
      const failed: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<CustomerPage>(`/api/v1/customers${query({ ...segment, limit: 100, cursor })}`);
        for (const customer of page.items) {
          if (invited.length + failed.length >= SEGMENT_LIMIT) break;
          try {
            invited.push(await api<Invitation>(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations`, {
              method: 'POST',
              body: JSON.stringify({ customerId: customer.id }),
            }));
          } catch {
            failed.push(customer.id);
          }
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && invited.length + failed.length < SEGMENT_LIMIT);
      return { invited, failed };
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** The address a customer answers at. */
export function answerLink(invitation: Invitation): string {
  return window.location.origin + (invitation.answerPath || `/answer/${invitation.token}`);
}
