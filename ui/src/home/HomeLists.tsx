import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';
import type { Me } from '../shared/auth';
import { formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import type { Survey, SurveyAnswer } from '../feedback/useFeedback';

type Task = Schema<'TaskView'>;
const DEPARTMENTS = ['marketing', 'sales', 'support'];
/** How many of the newest NPS surveys and answers the at-risk list looks at. */
const NPS_SURVEYS = 3;
const ANSWERS_PER_SURVEY = 50;
const SHOWN = 5;

/** The departments whose tasks are the caller's: their department roles; admins and CX managers see every department's. */
export function myDepartments(me: Pick<Partial<Me>, 'roles'>): string[] | 'all' {
  const roles = me.roles ?? [];
  if (roles.includes('admin') || roles.includes('cx-manager')) return 'all';
  return DEPARTMENTS.filter((department) => roles.includes(department));
}

/** Open follow-up tasks of the caller's departments, newest first. */
export function MyOpenTasks({ me }: { me: Pick<Partial<Me>, 'roles'> }) {
  const { t, i18n } = useTranslation();
  const departments = myDepartments(me);
  const tasks = useQuery({
    queryKey: ['tasks', 'open', 'home'],
    queryFn: () => api<{ items: Task[] }>(`/api/v1/tasks${query({ status: 'open', limit: 100 })}`),
  });
  const mine = (tasks.data?.items ?? []).filter((task) => departments === 'all' || departments.includes(task.department)).slice(0, SHOWN);
  return (
    <section aria-labelledby="home-tasks">
      <h2 id="home-tasks">{t('home.openTasks')}</h2>
      {tasks.isPending ? <Loading /> : tasks.isError ? <Failed error={tasks.error} retry={() => void tasks.refetch()} /> : mine.length === 0 ? (
        <Empty>{t('home.noTasks')}</Empty>
      ) : (
        <ul data-testid="home-tasks">
          {mine.map((task) => (
            <li key={task.id}>
              <Link to={`/customers/${task.customerId}`}>{task.title}</Link>{' '}
              <span className="muted">
                {task.department} · {t(`home.priorities.${task.priority}`, { defaultValue: task.priority })} · {formatDateTime(task.createdAt, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Recent detractors (NPS answers 0–6) from the newest NPS surveys, newest first, each linked to the customer. */
export function CustomersAtRisk() {
  const { t, i18n } = useTranslation();
  const detractors = useQuery({
    queryKey: ['surveys', 'detractors', 'home'],
    queryFn: async () => {
      const surveys = await api<{ items: Survey[] }>(`/api/v1/surveys${query({ limit: 50 })}`);
      const nps = surveys.items.filter((survey) => survey.kind === 'nps').slice(0, NPS_SURVEYS);
      const pages = await Promise.all(
        nps.map((survey) => api<{ items: SurveyAnswer[] }>(`/api/v1/surveys/${survey.id}/answers${query({ limit: ANSWERS_PER_SURVEY })}`)),
      );
      return pages
        .flatMap((page) => page.items)
        .filter((answer) => Number(answer.score) <= 6)
        .sort((a, b) => b.answeredAt.localeCompare(a.answeredAt))
        .slice(0, SHOWN);
    },
  });
  return (
    <section aria-labelledby="home-at-risk">
      <h2 id="home-at-risk">{t('home.atRisk')}</h2>
      {detractors.isPending ? <Loading /> : detractors.isError ? <Failed error={detractors.error} retry={() => void detractors.refetch()} /> : detractors.data.length === 0 ? (
        <Empty>{t('home.noAtRisk')}</Empty>
      ) : (
        <ul data-testid="home-at-risk">
          {detractors.data.map((answer) => (
            <li key={answer.id}>
              <Link to={`/customers/${answer.customerId}`}>{t('feedback.openCustomer', { id: answer.customerId })}</Link>{' '}
              <span className="muted">
                {t('home.npsAnswer', { score: formatNumber(answer.score, i18n.language) })} · {formatDateTime(answer.answeredAt, i18n.language)}
                {answer.comment ? <> · <q>{answer.comment}</q></> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
