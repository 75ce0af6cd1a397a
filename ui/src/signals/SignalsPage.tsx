import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Problem, ReadOnlyNote, useCan, useUrlParam } from '../daily/common';
import { DEPARTMENTS } from './TasksPage';
import { useBacktest, useDeleteRule, useRules, useSaveRule, useTouchpointTypes, type Rule, type RuleRequest } from './useSignals';

type ConditionKind = 'score_range' | 'count_within' | 'absence';
type ActionKind = 'task' | 'tag';

/** A rule's condition in words. */
export function describeCondition(rule: Pick<Rule, 'condition'>, t: (key: string, options?: Record<string, unknown>) => string): string {
  const c = rule.condition as { kind: string; min?: number | null; max?: number | null; count?: number | null; window?: string | null; period?: string | null };
  if (c.kind === 'score_range') return t('daily.signals.describe.score', { min: c.min ?? '–', max: c.max ?? '–' });
  if (c.kind === 'count_within') return t('daily.signals.describe.count', { count: c.count, window: c.window });
  return t('daily.signals.describe.absence', { period: c.period });
}

/** Days from an ISO-8601 duration written by this page (PnD), else empty. */
const days = (value: string | null | undefined) => /^P(\d+)D$/.exec(value ?? '')?.[1] ?? '';

/** Signal rules and the rule builder with a 30-day backtest. */
export default function SignalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('daily.signals.title'));
  const writer = useCan('signals:write');
  const rules = useRules();
  const [edit, setEdit] = useUrlParam('rule');
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const remove = useDeleteRule();
  const items = rules.data?.items ?? [];
  const editing = items.find((rule) => rule.id === edit);
  return (
    <section>
      <h1>{t('daily.signals.title')}</h1>
      <ReadOnlyNote show={!writer} />
      {writer && edit === '' && (
        <button type="button" className="primary" onClick={() => setEdit('new')}>{t('daily.signals.create')}</button>
      )}
      {writer && (edit === 'new' || editing) && <RuleBuilder key={edit} rule={editing ?? null} onDone={() => setEdit(null)} />}
      <h2>{t('daily.signals.rules')}</h2>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <Failed error={rules.error} retry={() => void rules.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('daily.signals.empty')}</Empty>
      ) : (
        <table data-testid="rules">
          <caption className="visually-hidden">{t('daily.signals.rules')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.name')}</th>
              <th scope="col">{t('daily.signals.trigger')}</th>
              <th scope="col">{t('daily.signals.condition')}</th>
              <th scope="col">{t('daily.signals.action')}</th>
              <th scope="col">{t('daily.signals.enabled')}</th>
              <th scope="col">{t('customers.created')}</th>
              {writer && <th scope="col">{t('daily.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((rule) => {
              const action = rule.action as { kind: string; department?: string; title?: string; tag?: string; name?: string };
              return (
                <tr key={rule.id}>
                  <th scope="row">{rule.name}</th>
                  <td><code>{rule.trigger.type}</code></td>
                  <td>{describeCondition(rule, t)}</td>
                  <td>{action.kind === 'task' ? t('daily.signals.describe.task', { department: action.department, title: action.title })
                    : action.kind === 'tag' ? t('daily.signals.describe.tag', { tag: action.tag }) : t('daily.signals.describe.event', { name: action.name })}</td>
                  <td>{rule.enabled ? t('daily.yes') : t('daily.no')}</td>
                  <td>{formatDate(rule.createdAt, 'en')}</td>
                  {writer && (
                    <td className="row-actions">
                      <button type="button" onClick={() => setEdit(rule.id)} aria-label={t('daily.signals.editNamed', { name: rule.name })}>{t('daily.edit')}</button>
                      <button type="button" className="danger" onClick={() => setDeleting(rule)} aria-label={t('daily.signals.deleteNamed', { name: rule.name })}>{t('daily.delete')}</button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={!!deleting} onOpenChange={(open) => !open && setDeleting(null)} title={t('daily.signals.deleteTitle')}
        confirmLabel={t('daily.delete')} busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>
        <p>{t('daily.signals.deleteText', { name: deleting?.name ?? '' })}</p>
        <Problem error={remove.error} />
      </ConfirmDialog>
    </section>
  );
}

function RuleBuilder({ rule, onDone }: { rule: Rule | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const types = useTouchpointTypes();
  const save = useSaveRule();
  const backtest = useBacktest();
  const c = (rule?.condition ?? {}) as { kind?: ConditionKind; min?: number | null; max?: number | null; count?: number | null; window?: string | null; period?: string | null };
  const a = (rule?.action ?? {}) as { kind?: string; department?: string | null; title?: string | null; priority?: string | null; tag?: string | null };
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [trigger, setTrigger] = useState(rule?.trigger.type ?? 'feedback.nps');
  const [kind, setKind] = useState<ConditionKind>(c.kind ?? 'score_range');
  const [min, setMin] = useState(c.min == null ? '' : String(c.min));
  const [max, setMax] = useState(c.max == null ? '' : String(c.max));
  const [count, setCount] = useState(c.count == null ? '3' : String(c.count));
  const [windowDays, setWindowDays] = useState(days(c.window) || '7');
  const [periodDays, setPeriodDays] = useState(days(c.period) || '30');
  const [actionKind, setActionKind] = useState<ActionKind>(a.kind === 'tag' ? 'tag' : 'task');
  const [department, setDepartment] = useState(a.department ?? 'support');
  const [title, setTitle] = useState(a.title ?? '');
  const [priority, setPriority] = useState(a.priority ?? 'normal');
  const [tag, setTag] = useState(a.tag ?? '');
  const number = (value: string) => (value.trim() === '' ? null : Number(value));
  const body = (): RuleRequest => ({
    name,
    enabled,
    trigger: { type: trigger.trim() },
    condition:
      kind === 'score_range' ? { kind, min: number(min), max: number(max) }
        : kind === 'count_within' ? { kind, count: number(count), window: `P${windowDays}D` }
          : { kind, period: `P${periodDays}D` },
    action: actionKind === 'task' ? { kind: 'task', department, title, priority } : { kind: 'tag', tag },
  });
  return (
    <form className="panel form-grid" aria-labelledby="rule-title" data-testid="rule-builder"
      onSubmit={(event) => { event.preventDefault(); save.mutate({ id: rule?.id, body: body() }, { onSuccess: onDone }); }}>
      <h2 id="rule-title">{rule ? t('daily.signals.editTitle', { name: rule.name }) : t('daily.signals.create')}</h2>
      <label htmlFor="rule-name">{t('feedback.name')}</label>
      <input id="rule-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      <label htmlFor="rule-trigger">{t('daily.signals.trigger')}</label>
      <input id="rule-trigger" list="rule-types" value={trigger} onChange={(event) => setTrigger(event.target.value)} required />
      <datalist id="rule-types">
        {(types.data ?? []).map((type) => <option key={type.key} value={type.key} />)}
      </datalist>
      <label htmlFor="rule-kind">{t('daily.signals.condition')}</label>
      <select id="rule-kind" value={kind} onChange={(event) => setKind(event.target.value as ConditionKind)}>
        <option value="score_range">{t('daily.signals.kinds.score_range')}</option>
        <option value="count_within">{t('daily.signals.kinds.count_within')}</option>
        <option value="absence">{t('daily.signals.kinds.absence')}</option>
      </select>
      {kind === 'score_range' && (
        <>
          <label htmlFor="rule-min">{t('daily.signals.min')}</label>
          <input id="rule-min" type="number" value={min} onChange={(event) => setMin(event.target.value)} />
          <label htmlFor="rule-max">{t('daily.signals.max')}</label>
          <input id="rule-max" type="number" value={max} onChange={(event) => setMax(event.target.value)} />
        </>
      )}
      {kind === 'count_within' && (
        <>
          <label htmlFor="rule-count">{t('daily.signals.count')}</label>
          <input id="rule-count" type="number" min={1} value={count} onChange={(event) => setCount(event.target.value)} />
          <label htmlFor="rule-window">{t('daily.signals.windowDays')}</label>
          <input id="rule-window" type="number" min={1} value={windowDays} onChange={(event) => setWindowDays(event.target.value)} />
        </>
      )}
      {kind === 'absence' && (
        <>
          <label htmlFor="rule-period">{t('daily.signals.periodDays')}</label>
          <input id="rule-period" type="number" min={1} max={366} value={periodDays} onChange={(event) => setPeriodDays(event.target.value)} />
        </>
      )}
      <label htmlFor="rule-action">{t('daily.signals.action')}</label>
      <select id="rule-action" value={actionKind} onChange={(event) => setActionKind(event.target.value as ActionKind)}>
        <option value="task">{t('daily.signals.actions.task')}</option>
        <option value="tag">{t('daily.signals.actions.tag')}</option>
      </select>
      {actionKind === 'task' ? (
        <>
          <label htmlFor="rule-department">{t('daily.tasks.department')}</label>
          <select id="rule-department" value={department} onChange={(event) => setDepartment(event.target.value)}>
            {DEPARTMENTS.map((option) => <option key={option} value={option}>{t(`daily.departments.${option}`)}</option>)}
          </select>
          <label htmlFor="rule-task-title">{t('daily.signals.taskTitle')}</label>
          <input id="rule-task-title" value={title} onChange={(event) => setTitle(event.target.value)} />
          <label htmlFor="rule-priority">{t('daily.priority')}</label>
          <select id="rule-priority" value={priority} onChange={(event) => setPriority(event.target.value)}>
            {['low', 'normal', 'high', 'urgent'].map((option) => <option key={option} value={option}>{t(`home.priorities.${option}`)}</option>)}
          </select>
        </>
      ) : (
        <>
          <label htmlFor="rule-tag">{t('daily.signals.tag')}</label>
          <input id="rule-tag" value={tag} onChange={(event) => setTag(event.target.value)} />
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> {t('daily.signals.enabled')}
      </label>
      <div className="backtest" aria-live="polite" data-testid="backtest">
        {backtest.data && (
          <p>{t('daily.signals.backtestResult', {
            firings: formatNumber(backtest.data.firings, i18n.language),
            customers: formatNumber(backtest.data.customers, i18n.language),
          })}</p>
        )}
      </div>
      <Problem error={backtest.error ?? save.error} />
      <div className="actions">
        <button type="button" onClick={onDone}>{t('customer.cancel')}</button>
        <button type="button" disabled={backtest.isPending} onClick={() => backtest.mutate(body())}>{t('daily.signals.backtest')}</button>
        <button type="submit" disabled={save.isPending}>{t('daily.save')}</button>
      </div>
    </form>
  );
}
