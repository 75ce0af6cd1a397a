import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../shared/format';
import { Failed, Loading } from '../shared/ui/States';
import { useCampaignActivity, type Campaign } from './useMarketing';

/** One campaign's e-mail event counts per kind and its web activity (tagged visits attributed, member visits as context). */
export default function CampaignActivity({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const activity = useCampaignActivity(campaign.id);
  const language = i18n.language;
  return (
    <div role="region" aria-labelledby="campaign-activity-title" data-testid="campaign-activity">
      <h2 id="campaign-activity-title">{t('daily.marketing.campaignActivity.title', { name: campaign.name })}</h2>
      {activity.isPending ? (
        <Loading />
      ) : activity.isError ? (
        <Failed error={activity.error} retry={() => void activity.refetch()} />
      ) : (
        <>
          <h3>{t('daily.marketing.campaignActivity.email')}</h3>
          {activity.data.email.every((count) => count.events === 0) ? (
            <p className="hint">{t('daily.marketing.campaignActivity.none')}</p>
          ) : (
            <>
              <table data-testid="email-counts">
                <caption className="visually-hidden">{t('daily.marketing.campaignActivity.email')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('daily.marketing.campaignActivity.kind')}</th>
                    <th scope="col">{t('daily.marketing.campaignActivity.events')}</th>
                    <th scope="col">{t('daily.marketing.campaignActivity.customers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {activity.data.email.map((count) => (
                    <tr key={count.event} data-event={count.event}>
                      <th scope="row">{t(`daily.marketing.campaignActivity.kinds.${count.event}`, { defaultValue: count.event })}</th>
                      <td>{formatNumber(count.events, language)}</td>
                      <td>{formatNumber(count.customers, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {activity.data.lastEmailEventAt && (
                <p className="hint">{t('daily.marketing.campaignActivity.lastEvent', { when: formatDateTime(activity.data.lastEmailEventAt, language) })}</p>
              )}
            </>
          )}
          <h3>{t('daily.marketing.campaignActivity.web')}</h3>
          <div className="cards" data-testid="web-activity">
            <div className="card">
              <span>{t('daily.marketing.campaignActivity.taggedVisits')}</span>
              <div className="figure" data-testid="tagged-visits">{formatNumber(activity.data.web.taggedVisits, language)}</div>
              <p className="hint">{t('daily.marketing.campaignActivity.taggedVisitors', { count: activity.data.web.taggedVisitors })}</p>
              <p className="hint">{t('daily.marketing.campaignActivity.taggedHint', { id: campaign.id })}</p>
            </div>
            <div className="card">
              <span>{t('daily.marketing.campaignActivity.memberVisits')}</span>
              <div className="figure" data-testid="member-visits">{formatNumber(activity.data.web.memberVisits, language)}</div>
              <p className="hint">{t('daily.marketing.campaignActivity.memberVisitors', { count: activity.data.web.memberVisitors })}</p>
              <p className="hint">{t('daily.marketing.campaignActivity.memberHint', {
                from: formatDate(activity.data.web.from, language),
                to: formatDate(new Date(Date.parse(activity.data.web.to) - 1).toISOString(), language),
              })}</p>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
