import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Failed, Loading } from '../shared/ui/States';
import { AdminTabs } from '../admin/AdminTabs';
import { useReceipt } from './usePrivacy';

/** /admin/privacy: an erasure receipt (the one just made, or looked up) and what the suppression list does. */
export default function PrivacyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.privacy.title'));
  const [search, setSearch] = useSearchParams();
  const receiptId = search.get('receipt');
  const receipt = useReceipt(receiptId);
  return (
    <article>
      <AdminTabs />
      <h1>{t('admin.privacy.title')}</h1>
      <form className="toolbar" key={receiptId ?? ''} onSubmit={(e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('receipt') ?? '').trim();
        const next = new URLSearchParams(search);
        if (value) next.set('receipt', value);
        else next.delete('receipt');
        setSearch(next);
      }}>
        <label>
          {t('admin.privacy.receiptLookup')}
          <input name="receipt" defaultValue={receiptId ?? ''} />
        </label>
        <button type="submit">{t('admin.privacy.lookup')}</button>
      </form>
      {receiptId && (receipt.isPending ? <Loading /> : receipt.isError ? <Failed error={receipt.error} /> : (
        <section aria-labelledby="receipt-title" className="card" data-testid="receipt">
          <h2 id="receipt-title">{t('admin.privacy.receipt')}</h2>
          <dl className="facts">
            <div><dt>{t('admin.privacy.receiptId')}</dt><dd>{receipt.data.receiptId}</dd></div>
            <div><dt>{t('admin.privacy.erasedAt')}</dt><dd>{formatDateTime(receipt.data.erasedAt, i18n.language)}</dd></div>
            <div><dt>{t('admin.privacy.by')}</dt><dd>{receipt.data.actor}</dd></div>
            <div><dt>{t('admin.privacy.pProfiles', { count: receipt.data.profiles })}</dt><dd>{receipt.data.profiles}</dd></div>
            <div><dt>{t('admin.privacy.pIdentifiers', { count: receipt.data.identifiers })}</dt><dd>{receipt.data.identifiers}</dd></div>
            <div><dt>{t('admin.privacy.pTouchpoints', { count: receipt.data.touchpoints })}</dt><dd>{receipt.data.touchpoints}</dd></div>
            <div><dt>{t('admin.privacy.pSuppressed', { count: receipt.data.suppressedIdentifiers })}</dt><dd>{receipt.data.suppressedIdentifiers}</dd></div>
          </dl>
          {receipt.data.reason && <p>{receipt.data.reason}</p>}
        </section>
      ))}
      <section aria-labelledby="suppression-title">
        <h2 id="suppression-title">{t('admin.privacy.suppressionTitle')}</h2>
        <p>{t('admin.privacy.suppressionText')}</p>
      </section>
    </article>
  );
}
