import { useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Pyramid = Schema<'PyramidView'>;
export type PyramidLevel = Schema<'LevelView'>;
export type Alignment = Schema<'AlignmentView'>;
export type Period = { from?: string; to?: string };

export function usePyramid(period: Period) {
  return useQuery({ queryKey: ['scorecards', 'pyramid', period], queryFn: () => api<Pyramid>(`/api/v1/scorecards/pyramid${query(period)}`) });
}

export function useAlignment(period: Period) {
  return useQuery({ queryKey: ['scorecards', 'alignment', period], queryFn: () => api<Alignment>(`/api/v1/scorecards/alignment${query(period)}`) });
}
