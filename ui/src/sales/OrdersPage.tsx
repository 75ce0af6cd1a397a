import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { useUrlParam } from '../daily/common';
import { SalesNav } from './LeadsPage';
import { useOrders, useSubscriptions } from './useSales';

/** Orders and subscriptions, newest first. */
export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('daily.sales.ordersAndSubscriptions'));
  const orders = useOrders();
  const [status, setStatus] = useUrlParam('status');
  const subscriptions = useSubscriptions({ status });
  const orderItems = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const subscriptionItems = subscriptions.data?.pages.flatMap((page) => page.items) ?? [];
  const customer = (id: string | null) => (id ? <Link to={`/customers/${id}`}>{t('daily.tasks.openCustomer')}</Link> : '—');
  return (
    <section>
      <h1>{t('daily.sales.ordersAndSubscriptions')}</h1>
      <SalesNav />
      <h2>{t('daily.sales.orders')}</h2>
      {orders.isPending ? <Loading /> : orders.isError ? <Failed error={orders.error} retry={() => void orders.refetch()} /> : orderItems.length === 0 ? (
        <Empty>{t('daily.sales.noOrders')}</Empty>
      ) : (
        <table data-testid="orders">
          <caption className="visually-hidden">{t('daily.sales.orders')}</caption>
          <thead><tr><th scope="col">{t('daily.sales.orderNumber')}</th><th scope="col">{t('daily.sales.amount')}</th><th scope="col">{t('daily.sales.orderedAt')}</th><th scope="col">{t('daily.tasks.customer')}</th></tr></thead>
          <tbody>
            {orderItems.map((order) => (
              <tr key={order.id}><th scope="row">{order.externalId}</th><td>{formatNumber(order.amount, i18n.language)}</td><td>{formatDateTime(order.orderedAt, i18n.language)}</td><td>{customer(order.customerId)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {orders.hasNextPage && <button type="button" onClick={() => void orders.fetchNextPage()}>{t('customers.loadMore')}</button>}
      <h2>{t('daily.sales.subscriptions')}</h2>
      <div className="filters" role="group" aria-label={t('daily.filters')}>
        <label htmlFor="subscription-status">{t('daily.status')}</label>
        <select id="subscription-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('daily.all')}</option>
          <option value="active">{t('daily.sales.active')}</option>
          <option value="cancelled">{t('daily.sales.cancelled')}</option>
        </select>
      </div>
      {subscriptions.isPending ? <Loading /> : subscriptions.isError ? <Failed error={subscriptions.error} retry={() => void subscriptions.refetch()} /> : subscriptionItems.length === 0 ? (
        <Empty>{t('daily.sales.noSubscriptions')}</Empty>
      ) : (
        <table data-testid="subscriptions">
          <caption className="visually-hidden">{t('daily.sales.subscriptions')}</caption>
          <thead><tr><th scope="col">{t('daily.sales.plan')}</th><th scope="col">{t('daily.sales.mrr')}</th><th scope="col">{t('daily.status')}</th><th scope="col">{t('daily.sales.startedAt')}</th><th scope="col">{t('daily.sales.cancelReason')}</th><th scope="col">{t('daily.tasks.customer')}</th></tr></thead>
          <tbody>
            {subscriptionItems.map((subscription) => (
              <tr key={subscription.id}>
                <th scope="row">{subscription.plan ?? '—'}</th>
                <td>{formatNumber(subscription.mrr, i18n.language)}</td>
                <td>{subscription.status === 'active' ? t('daily.sales.active') : t('daily.sales.cancelled')}</td>
                <td>{formatDate(subscription.startedAt, i18n.language)}</td>
                <td>{subscription.cancelReason ?? '—'}</td>
                <td>{customer(subscription.customerId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
