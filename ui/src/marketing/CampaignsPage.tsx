import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { Problem, ReadOnlyNote, useCan, useUrlParam } from '../daily/common';
import CampaignActivity from './CampaignActivity';
import { useActivity, useCampaigns, useCreateCampaign, useMembers, useRefreshMembers, type Campaign } from './useMarketing';

const CHANNELS = ['email', 'web', 'social', 'sms', 'event', 'other'] as const;
const ACTIVITY = ['marketing.email_open_rate', 'marketing.email_click_rate', 'marketing.web_visits'] as const;

/** Campaigns (channel, purpose, period, budget, audience), their members with the reason for each exclusion, and activity. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.marketing.title'));
  const writer = useCan('marketing:write');
  const campaigns = useCampaigns();
  const [selected, setSelected] = useUrlParam('campaign');
  const [adding, setAdding] = useUrlParam('new');
  const items = campaigns.data?.pages.flatMap((page) => page.items) ?? [];
  const campaign = items.find((candidate) => candidate.id === selected);
  return (
    <section>
      <h1>{t('daily.marketing.title')}</h1>
      <ReadOnlyNote show={!writer} />
      <Activity />
      {writer && adding === '' && <button type="button" className="primary" onClick={() => setAdding('1')}>{t('daily.marketing.create')}</button>}
      {writer && adding !== '' && <NewCampaign onDone={(id) => { setAdding(null); if (id) setSelected(id); }} />}
      <h2>{t('daily.marketing.campaigns')}</h2>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <Failed error={campaigns.error} retry={() => void campaigns.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('daily.marketing.empty')}</Empty>
      ) : (
        <table data-testid="campaigns">
          <caption className="visually-hidden">{t('daily.marketing.campaigns')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.name')}</th>
              <th scope="col">{t('daily.support.channel')}</th>
              <th scope="col">{t('daily.marketing.purpose')}</th>
              <th scope="col">{t('daily.marketing.period')}</th>
              <th scope="col">{t('daily.marketing.budget')}</th>
              <th scope="col">{t('daily.marketing.audience')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} aria-current={item.id === selected ? 'true' : undefined}>
                <th scope="row"><Link to={`?campaign=${item.id}`} replace>{item.name}</Link></th>
                <td>{t(`daily.channels.${item.channel}`, { defaultValue: item.channel })}</td>
                <td>{item.purpose}</td>
                <td>{item.startsOn || item.endsOn ? `${formatDate(item.startsOn, i18n.language) || '…'} – ${formatDate(item.endsOn, i18n.language) || '…'}` : '—'}</td>
                <td>{item.budget == null ? '—' : formatNumber(item.budget, i18n.language)}</td>
                <td>{item.audience.type === 'list'
                  ? t('daily.marketing.list', { size: item.audience.size ?? 0 })
                  : t('daily.marketing.segment', { filter: Object.entries(item.audience.filter ?? {}).map(([key, value]) => `${key} = ${value}`).join(', ') })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {campaign && <CampaignActivity campaign={campaign} />}
      {campaign && <Members campaign={campaign} writer={writer} />}
    </section>
  );
}

function Activity() {
  const { t, i18n } = useTranslation();
  return (
    <div className="cards" role="group" aria-label={t('daily.marketing.activity')}>
      {ACTIVITY.map((key) => <ActivityCard key={key} kpi={key} language={i18n.language} label={t(`daily.marketing.kpis.${key.replace('marketing.', '')}`)} />)}
    </div>
  );
}

function ActivityCard({ kpi, label, language }: { kpi: string; label: string; language: string }) {
  const { t } = useTranslation();
  const value = useActivity(kpi);
  return (
    <div className="card">
      <Link to={`/kpis/${kpi}`}>{label}</Link>
      <div className="figure">
        {value.isPending ? t('state.loading') : value.isError ? t('daily.marketing.noActivity') : value.data.value == null ? '—' : formatNumber(value.data.value, language, value.data.unit === 'percent' ? '%' : undefined)}
      </div>
    </div>
  );
}

function Members({ campaign, writer }: { campaign: Campaign; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useUrlParam('members');
  const members = useMembers(campaign.id, status);
  const refresh = useRefreshMembers();
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div role="region" aria-labelledby="members-title">
      <h2 id="members-title">{t('daily.marketing.members', { name: campaign.name })}</h2>
      <p className="hint">{campaign.refreshedAt ? t('daily.marketing.refreshedAt', { when: formatDate(campaign.refreshedAt, i18n.language) }) : t('daily.marketing.neverRefreshed')}</p>
      {writer && <button type="button" onClick={() => refresh.mutate(campaign.id, { onSuccess: () => void members.refetch() })} disabled={refresh.isPending}>{t('daily.marketing.refresh')}</button>}
      {refresh.data && <p role="status">{t('daily.marketing.refreshed', refresh.data)}</p>}
      <Problem error={refresh.error} />
      <div className="filters" role="group" aria-label={t('daily.filters')}>
        <label htmlFor="member-status">{t('daily.status')}</label>
        <select id="member-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          <option value="included">{t('daily.marketing.included')}</option>
          <option value="excluded">{t('daily.marketing.excluded')}</option>
        </select>
      </div>
      {members.isPending ? <Loading /> : members.isError ? <Failed error={members.error} retry={() => void members.refetch()} /> : items.length === 0 ? (
        <Empty>{t('daily.marketing.noMembers')}</Empty>
      ) : (
        <table data-testid="members">
          <caption className="visually-hidden">{t('daily.marketing.members', { name: campaign.name })}</caption>
          <thead><tr><th scope="col">{t('daily.tasks.customer')}</th><th scope="col">{t('daily.status')}</th><th scope="col">{t('daily.marketing.reasons')}</th><th scope="col">{t('daily.marketing.added')}</th></tr></thead>
          <tbody>
            {items.map((member) => (
              <tr key={member.customerId}>
                <th scope="row"><Link to={`/customers/${member.customerId}`}>{member.customerId.slice(0, 8)}</Link></th>
                <td>{member.status === 'included' ? t('daily.marketing.included') : t('daily.marketing.excluded')}</td>
                <td>{member.reasons.length ? member.reasons.join('; ') : '—'}</td>
                <td>{formatDate(member.addedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {members.hasNextPage && <button type="button" onClick={() => void members.fetchNextPage()}>{t('customers.loadMore')}</button>}
    </div>
  );
}

function NewCampaign({ onDone }: { onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateCampaign();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState('email');
  const [purpose, setPurpose] = useState('marketing');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [budget, setBudget] = useState('');
  const [audienceType, setAudienceType] = useState<'list' | 'segment'>('list');
  const [ids, setIds] = useState('');
  const [attribute, setAttribute] = useState('country');
  const [value, setValue] = useState('');
  return (
    <form className="panel form-grid" aria-labelledby="campaign-title" onSubmit={(event) => {
      event.preventDefault();
      create.mutate({
        name, channel, purpose: purpose || undefined, startsOn: startsOn || undefined, endsOn: endsOn || undefined,
        budget: budget === '' ? undefined : Number(budget),
        audience: audienceType === 'list' ? { type: 'list', customerIds: ids.split(/[\s,]+/).filter(Boolean) } : { type: 'segment', filter: { [attribute]: value } },
      }, { onSuccess: (campaign) => onDone(campaign.id) });
    }}>
      <h2 id="campaign-title">{t('daily.marketing.create')}</h2>
      <label htmlFor="campaign-name">{t('feedback.name')}</label>
      <input id="campaign-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      <label htmlFor="campaign-channel">{t('daily.support.channel')}</label>
      <select id="campaign-channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
        {CHANNELS.map((option) => <option key={option} value={option}>{t(`daily.channels.${option}`)}</option>)}
      </select>
      <label htmlFor="campaign-purpose">{t('daily.marketing.purpose')}</label>
      <input id="campaign-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)} />
      <label htmlFor="campaign-start">{t('daily.marketing.startsOn')}</label>
      <input id="campaign-start" type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
      <label htmlFor="campaign-end">{t('daily.marketing.endsOn')}</label>
      <input id="campaign-end" type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
      <label htmlFor="campaign-budget">{t('daily.marketing.budget')}</label>
      <input id="campaign-budget" type="number" min={0} step="0.01" value={budget} onChange={(event) => setBudget(event.target.value)} />
      <label htmlFor="campaign-audience">{t('daily.marketing.audience')}</label>
      <select id="campaign-audience" value={audienceType} onChange={(event) => setAudienceType(event.target.value as 'list' | 'segment')}>
        <option value="list">{t('daily.marketing.audienceList')}</option>
        <option value="segment">{t('daily.marketing.audienceSegment')}</option>
      </select>
      {audienceType === 'list' ? (
        <>
          <label htmlFor="campaign-ids">{t('daily.marketing.customerIds')}</label>
          <textarea id="campaign-ids" value={ids} onChange={(event) => setIds(event.target.value)} rows={3} />
        </>
      ) : (
        <>
          <label htmlFor="campaign-attribute">{t('daily.marketing.attribute')}</label>
          <input id="campaign-attribute" value={attribute} onChange={(event) => setAttribute(event.target.value)} />
          <label htmlFor="campaign-value">{t('daily.marketing.value')}</label>
          <input id="campaign-value" value={value} onChange={(event) => setValue(event.target.value)} />
        </>
      )}
      <Problem error={create.error} />
      <div className="actions">
        <button type="button" onClick={() => onDone()}>{t('customer.cancel')}</button>
        <button type="submit" disabled={create.isPending}>{t('daily.save')}</button>
      </div>
    </form>
  );
}
