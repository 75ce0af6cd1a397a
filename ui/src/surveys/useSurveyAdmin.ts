import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type SurveyRequest = Schema<'SurveyRequest'>;
export type Invitation = Schema<'InvitationView'>;

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

/** The most a segment invitation sends at once (the server's limit). */
export const SEGMENT_LIMIT = 500;

export type SegmentRequest = { q: string; kind: string; source: string; limit: number };
export type SegmentResult = Schema<'SegmentInvitationResult'>;

const segmentBody = (segment: SegmentRequest, preview: boolean) => JSON.stringify({
  q: segment.q.trim() || undefined, kind: segment.kind || undefined, source: segment.source.trim() || undefined, limit: segment.limit, preview,
});

/** Counts a segment (the customer list's filters) without inviting anyone. */
export function usePreviewSegment(surveyId: string) {
  return useMutation({
    mutationFn: (segment: SegmentRequest) => api<SegmentResult>(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations/segment`, {
      method: 'POST', body: segmentBody(segment, true),
    }),
  });
}

/** Invites every customer of the segment, up to its limit, in one request (all or none). */
export function useInviteSegment(surveyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (segment: SegmentRequest) => api<SegmentResult>(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations/segment`, {
      method: 'POST', body: segmentBody(segment, false),
    }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** The address a customer answers at. */
export function answerLink(invitation: { answerPath?: string | null; token?: string | null }): string {
  return window.location.origin + (invitation.answerPath || `/answer/${invitation.token}`);
}
