import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Survey = Schema<'SurveyView'>;
export type SurveyResults = Schema<'SurveyResultsView'>;
export type SurveyAnswer = Schema<'SurveyAnswerView'>;
type SurveyPage = { items: Survey[]; nextCursor?: string | null };
type AnswerPage = { items: SurveyAnswer[]; nextCursor?: string | null };

export function useSurveys() {
  return useInfiniteQuery({
    queryKey: ['surveys'],
    queryFn: ({ pageParam }) => api<SurveyPage>(`/api/v1/surveys${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: ['surveys', id], queryFn: () => api<Survey>(`/api/v1/surveys/${encodeURIComponent(id)}`) });
}

export function useSurveyResults(id: string, interval: string) {
  return useQuery({
    queryKey: ['surveys', id, 'results', interval],
    queryFn: () => api<SurveyResults>(`/api/v1/surveys/${encodeURIComponent(id)}/results${query({ interval })}`),
  });
}

export function useSurveyAnswers(id: string) {
  return useInfiniteQuery({
    queryKey: ['surveys', id, 'answers'],
    queryFn: ({ pageParam }) => api<AnswerPage>(`/api/v1/surveys/${encodeURIComponent(id)}/answers${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
