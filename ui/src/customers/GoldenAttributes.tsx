import * as Popover from '@radix-ui/react-popover';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/format';
import { Empty } from '../shared/ui/States';
import type { CustomerView } from './useCustomer';

export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Each golden value with a chip naming its source; the chip opens every profile's value for it. */
export function GoldenAttributes({ view }: { view: CustomerView }) {
  const { t, i18n } = useTranslation();
  const attributes = Object.entries(view.attributes ?? {});
  return (
    <section aria-labelledby="attributes-title">
      <h2 id="attributes-title">{t('customer.attributes')}</h2>
      {attributes.length === 0 ? (
        <Empty>{t('customer.noAttributes')}</Empty>
      ) : (
        <dl className="attributes">
          {attributes.map(([name, attribute]) => {
            const candidates = (view.profiles ?? []).filter((profile) => profile.attributes && name in profile.attributes);
            return (
              <div key={name} style={{ display: 'contents' }}>
                <dt>{name}</dt>
                <dd>
                  <span>{display(attribute.value)}</span>
                  <Popover.Root>
                    <Popover.Trigger className="chip" aria-label={`${t('customer.provenance')} ${name}: ${attribute.source}`}>
                      {attribute.source}
                    </Popover.Trigger>
                    <Popover.Portal>
                      <Popover.Content className="popover" sideOffset={4}>
                        <table>
                          <caption className="visually-hidden">{`${t('customer.provenance')} ${name}`}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('customer.source')}</th>
                              <th scope="col">{t('customer.profile')}</th>
                              <th scope="col">{name}</th>
                              <th scope="col">{t('customer.observed')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {candidates.map((profile) => (
                              <tr key={profile.id} aria-current={profile.id === attribute.profileId ? 'true' : undefined}>
                                <td>{profile.id === attribute.profileId ? <strong>{profile.source}</strong> : profile.source}</td>
                                <td>{profile.externalId}</td>
                                <td>{display(profile.attributes?.[name])}</td>
                                <td>{formatDateTime(profile.observedAt, i18n.language)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </Popover.Content>
                    </Popover.Portal>
                  </Popover.Root>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
