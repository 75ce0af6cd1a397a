import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, can } from '../shared/auth';
import { formatDate } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Failed, Loading } from '../shared/ui/States';
import { Timeline } from '../timeline/Timeline';
import { GoldenAttributes } from './GoldenAttributes';
import { IdentityHistory } from './IdentityHistory';
import { Profiles } from './Profiles';
import { Holds } from './Holds';
import { useCustomer } from './useCustomer';
import { JourneyStrip } from './JourneyStrip';
import { CustomerTasks } from './CustomerTasks';
import { CustomerSuggestions } from './CustomerSuggestions';
import { PrivacySection } from '../privacy/PrivacySection';

/** The customer 360: golden record with provenance, one timeline, profiles and the identity history. */
export default function Customer360Page() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const customer = useCustomer(id);
  const me = useMe();
  usePageTitle(customer.data?.displayName ?? t('nav.customers'));
  if (customer.isPending) return <Loading />;
  if (customer.isError) return <Failed error={customer.error} retry={() => void customer.refetch()} />;
  const view = customer.data;
  const mayChangeIdentity = can(me.data, 'identity-resolution:write');
  return (
    <article>
      <header>
        <h1>{view.displayName ?? t('customers.unnamed')}</h1>
        <p className="muted">
          {t('customer.kind')}: {view.kind} · {t('customer.created', { date: formatDate(view.createdAt, i18n.language) })}
        </p>
      </header>
      <JourneyStrip customerId={view.id} />
      <div className="columns">
        <div>
          <GoldenAttributes view={view} />
          <Holds customerId={view.id} />
          {can(me.data, 'tasks:read') && <CustomerTasks customerId={view.id} />}
          {can(me.data, 'identity-resolution:read') && <CustomerSuggestions customerId={view.id} mayDecide={mayChangeIdentity} />}
          <Profiles view={view} mayChange={mayChangeIdentity} />
          <IdentityHistory view={view} mayChange={mayChangeIdentity} />
          <PrivacySection customerId={view.id} name={view.displayName ?? t('customers.unnamed')} />
        </div>
        <Timeline customerId={view.id} />
      </div>
    </article>
  );
}
