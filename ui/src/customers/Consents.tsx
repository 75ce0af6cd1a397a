import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useConsents } from './useCustomer360';

/** Consent per purpose and channel, from all the customer's profiles (read-only here; shown only with consents:read). */
export function Consents({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const consents = useConsents(customerId, true);
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t('customer360.consents')}</h2>
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <Failed error={consents.error} retry={() => void consents.refetch()} />
      ) : (consents.data.items ?? []).length === 0 ? (
        <Empty>{t('customer360.noConsents')}</Empty>
      ) : (
        <table data-testid="consents">
          <caption className="visually-hidden">{t('customer360.consents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('customer360.purpose')}</th>
              <th scope="col">{t('customer360.channel')}</th>
              <th scope="col">{t('customer360.consentStatus')}</th>
              <th scope="col">{t('customer360.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.data.items.map((item) => (
              <tr key={`${item.purpose}/${item.channel}`}>
                <td>{item.purpose}</td>
                <td>{item.channel}</td>
                <td>{t(`customer360.consentStatuses.${item.status}`, { defaultValue: item.status })}</td>
                <td>
                  {formatDateTime(item.decidedAt, i18n.language)}
                  {item.source ? <span className="muted"> · {item.source}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
