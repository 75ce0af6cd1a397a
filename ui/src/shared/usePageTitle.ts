import { useEffect } from 'react';

/** The document title of the page, for the browser tab and screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Kreis`;
  }, [title]);
}
