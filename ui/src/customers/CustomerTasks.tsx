import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useOpenTasks } from './useCustomer360';

/** The customer's follow-up tasks that still need doing (open or in progress); shown only with tasks:read. */
export function CustomerTasks({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const tasks = useOpenTasks(customerId, true);
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('customer360.tasks')}</h2>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <Failed error={tasks.error} retry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <Empty>{t('customer360.noTasks')}</Empty>
      ) : (
        <ul data-testid="customer-tasks">
          {tasks.data.map((task) => (
            <li key={task.id}>
              <strong>{task.title}</strong>{' '}
              <span className="muted">
                · {task.department} · {t(`home.priorities.${task.priority}`)} · {t(`customer360.taskStatuses.${task.status}`)} ·{' '}
                {formatDateTime(task.createdAt, i18n.language)}
                {task.assignee ? ` · ${task.assignee}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
