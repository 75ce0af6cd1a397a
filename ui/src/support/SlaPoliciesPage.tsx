import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, ReadOnlyNote, useCan } from '../daily/common';
import { useSaveSlaPolicy, useSlaPolicies, type SlaPolicy } from './useSupport';

/** The SLA targets per priority; support changes them. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('daily.support.slaPolicies'));
  const policies = useSlaPolicies();
  const writer = useCan('support:write');
  return (
    <section>
      <p><Link to="/support/tickets">{t('daily.support.back')}</Link></p>
      <h1>{t('daily.support.slaPolicies')}</h1>
      <ReadOnlyNote show={!writer} />
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <Failed error={policies.error} retry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <Empty>{t('daily.support.noPolicies')}</Empty>
      ) : (
        <table data-testid="sla-policies">
          <caption className="visually-hidden">{t('daily.support.slaPolicies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('daily.priority')}</th>
              <th scope="col">{t('daily.support.firstResponseMinutes')}</th>
              <th scope="col">{t('daily.support.resolutionMinutes')}</th>
              <th scope="col">{t('daily.support.changed')}</th>
              {writer && <th scope="col">{t('daily.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {policies.data.map((policy) => <PolicyRow key={policy.priority} policy={policy} writer={writer} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PolicyRow({ policy, writer }: { policy: SlaPolicy; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useSaveSlaPolicy();
  const [first, setFirst] = useState(String(policy.firstResponseMinutes));
  const [resolution, setResolution] = useState(String(policy.resolutionMinutes));
  const name = t(`home.priorities.${policy.priority}`);
  const formId = `sla-${policy.priority}`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{writer ? <input form={formId} type="number" min={1} aria-label={t('daily.support.firstResponseFor', { priority: name })} value={first} onChange={(event) => setFirst(event.target.value)} /> : policy.firstResponseMinutes}</td>
      <td>{writer ? <input form={formId} type="number" min={1} aria-label={t('daily.support.resolutionFor', { priority: name })} value={resolution} onChange={(event) => setResolution(event.target.value)} /> : policy.resolutionMinutes}</td>
      <td>{policy.updatedAt ? `${formatDateTime(policy.updatedAt as string, i18n.language)} · ${policy.updatedBy ?? ''}` : t('daily.support.default')}</td>
      {writer && (
        <td>
          <form id={formId} onSubmit={(event) => { event.preventDefault(); save.mutate({ priority: policy.priority, firstResponseMinutes: Number(first), resolutionMinutes: Number(resolution) }); }}>
            <button type="submit" disabled={save.isPending} aria-label={t('daily.support.saveFor', { priority: name })}>{t('daily.save')}</button>
          </form>
          <Problem error={save.error} />
        </td>
      )}
    </tr>
  );
}
