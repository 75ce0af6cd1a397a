import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../shared/format';
import { useMe } from '../shared/auth';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, useCan, useUrlParam } from '../daily/common';
import { useChangeTask, useTasks, type Task } from './useSignals';

export const DEPARTMENTS = ['support', 'sales', 'marketing', 'cx'] as const;
const STATUSES = ['open', 'in_progress', 'done', 'dismissed'] as const;

/** The task inbox per department: assign, change the status, open the customer. */
export default function TasksPage() {
  const { t } = useTranslation();
  usePageTitle(t('daily.tasks.title'));
  const me = useMe().data;
  const roles = me?.roles ?? [];
  const [department, setDepartment] = useUrlParam('department', roles.find((role) => (DEPARTMENTS as readonly string[]).includes(role)) ?? '');
  const [status, setStatus] = useUrlParam('status', 'open');
  const tasks = useTasks({ department, status: status === 'all' ? '' : status });
  const writer = useCan('tasks:write');
  const mayChange = (task: Task) => writer && (roles.includes('admin') || roles.includes('cx-manager') || roles.includes(task.department));
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{t('daily.tasks.title')}</h1>
      <div className="filters" role="group" aria-label={t('daily.filters')}>
        <label htmlFor="task-department">{t('daily.tasks.department')}</label>
        <select id="task-department" value={department} onChange={(event) => setDepartment(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          {DEPARTMENTS.map((option) => (
            <option key={option} value={option}>{t(`daily.departments.${option}`)}</option>
          ))}
        </select>
        <label htmlFor="task-status">{t('daily.status')}</label>
        <select id="task-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="all">{t('daily.all')}</option>
          {STATUSES.map((option) => (
            <option key={option} value={option}>{t(`daily.tasks.statuses.${option}`)}</option>
          ))}
        </select>
      </div>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <Failed error={tasks.error} retry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('daily.tasks.empty')}</Empty>
      ) : (
        <table data-testid="tasks">
          <caption className="visually-hidden">{t('daily.tasks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('daily.tasks.task')}</th>
              <th scope="col">{t('daily.tasks.department')}</th>
              <th scope="col">{t('daily.priority')}</th>
              <th scope="col">{t('daily.tasks.customer')}</th>
              <th scope="col">{t('daily.tasks.opened')}</th>
              <th scope="col">{t('daily.status')}</th>
              <th scope="col">{t('daily.tasks.assignee')}</th>
              <th scope="col">{t('daily.tasks.due')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((task) => (
              <TaskRow key={task.id} task={task} editable={mayChange(task)} />
            ))}
          </tbody>
        </table>
      )}
      {tasks.hasNextPage && (
        <button type="button" onClick={() => void tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
          {t('customers.loadMore')}
        </button>
      )}
    </section>
  );
}

function TaskRow({ task, editable }: { task: Task; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useChangeTask();
  const [assignee, setAssignee] = useState(task.assignee ?? '');
  const [dueOn, setDueOn] = useState(task.dueOn ?? '');
  const overdue = !!task.dueOn && (task.status === 'open' || task.status === 'in_progress') && task.dueOn < new Date().toISOString().slice(0, 10);
  const save = (next: { status?: string; assignee?: string; dueOn?: string }) =>
    change.mutate({ id: task.id, change: {
      status: next.status ?? task.status,
      ...(next.assignee !== undefined ? { assignee: next.assignee || null } : {}),
      ...(next.dueOn !== undefined ? { dueOn: next.dueOn || null } : {}),
    } });
  return (
    <tr data-testid="task">
      <th scope="row">
        {task.title}
        {task.note && <div className="hint">{task.note}</div>}
        {change.error != null && <Problem error={change.error} />}
      </th>
      <td>{t(`daily.departments.${task.department}`, { defaultValue: task.department })}</td>
      <td><span className={`badge priority-${task.priority}`}>{t(`home.priorities.${task.priority}`)}</span></td>
      <td><Link to={`/customers/${task.customerId}`}>{t('daily.tasks.openCustomer')}</Link></td>
      <td>{formatDateTime(task.createdAt, i18n.language)}</td>
      <td>
        {editable ? (
          <select aria-label={t('daily.tasks.statusOf', { title: task.title })} value={task.status} disabled={change.isPending}
            onChange={(event) => save({ status: event.target.value })}>
            {STATUSES.map((option) => (
              <option key={option} value={option}>{t(`daily.tasks.statuses.${option}`)}</option>
            ))}
          </select>
        ) : (
          t(`daily.tasks.statuses.${task.status}`)
        )}
      </td>
      <td>
        {editable ? (
          <form className="inline-form" onSubmit={(event) => { event.preventDefault(); save({ assignee }); }}>
            <input aria-label={t('daily.tasks.assigneeOf', { title: task.title })} value={assignee} onChange={(event) => setAssignee(event.target.value)} size={12} />
            <button type="submit" disabled={change.isPending}>{t('daily.tasks.assign')}</button>
          </form>
        ) : (
          task.assignee || '—'
        )}
      </td>
      <td>
        {editable ? (
          <form className="inline-form" onSubmit={(event) => { event.preventDefault(); save({ dueOn }); }}>
            <input type="date" aria-label={t('daily.tasks.dueOf', { title: task.title })} value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
            <button type="submit" disabled={change.isPending} aria-label={t('daily.tasks.setDueOf', { title: task.title })}>{t('daily.save')}</button>
          </form>
        ) : (
          task.dueOn ? formatDate(task.dueOn, i18n.language) : '—'
        )}
        {overdue && <span className="badge danger">{t('daily.tasks.overdue')}</span>}
      </td>
    </tr>
  );
}
