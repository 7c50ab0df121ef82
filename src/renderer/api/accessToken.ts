const STORAGE_KEY = 'opsdesk.accessToken';

/** The parts of a browser window the access token passes through. */
export interface TokenPlaces {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * Takes browser mode's access token from the address the user opened.
 *
 * The token moves from the address bar into this tab's session storage, so
 * it does not linger in history or get copied along with the URL, and a
 * reload of the tab still has it.
 */
export function takeAccessToken(places: TokenPlaces): string | undefined {
  const url = new URL(places.location.href);
  const fromAddress = url.searchParams.get('token');

  if (fromAddress) {
    places.sessionStorage.setItem(STORAGE_KEY, fromAddress);
    url.searchParams.delete('token');
    places.history.replaceState(places.history.state, '', url.pathname + url.search + url.hash);
    return fromAddress;
  }
  return places.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}
