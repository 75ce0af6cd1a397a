import { useTranslation } from 'react-i18next';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useHolds } from './useCustomer';

export function Holds({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const holds = useHolds(customerId);
  return (
    <section aria-labelledby="holds-title">
      <h2 id="holds-title">{t('customer.holds')}</h2>
      {holds.isPending ? (
        <Loading />
      ) : holds.isError ? (
        <Failed error={holds.error} />
      ) : holds.data.length === 0 ? (
        <Empty>{t('customer.noHolds')}</Empty>
      ) : (
        <ul>
          {holds.data.map((hold, index) => (
            <li key={index}>{Object.values(hold).filter((value) => typeof value === 'string').join(' · ')}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
