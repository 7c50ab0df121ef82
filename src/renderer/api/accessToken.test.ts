import { describe, expect, it, vi } from 'vitest';
import { takeAccessToken, type TokenPlaces } from './accessToken';

function placesAt(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const places = {
    location: { href },
    history: { state: null, replaceState: vi.fn() },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  } satisfies TokenPlaces;
  return { places, storage };
}

describe('takeAccessToken', () => {
  it('takes the token from the address and removes it from the address bar', () => {
    const { places } = placesAt('http://127.0.0.1:4000/?token=abc123&view=logs#top');

    expect(takeAccessToken(places)).toBe('abc123');
    expect(places.history.replaceState).toHaveBeenCalledWith(null, '', '/?view=logs#top');
  });

  it('keeps the token in session storage so a reload still has it', () => {
    const first = placesAt('http://127.0.0.1:4000/?token=abc123');
    takeAccessToken(first.places);

    const reloaded = placesAt('http://127.0.0.1:4000/', Object.fromEntries(first.storage));
    expect(takeAccessToken(reloaded.places)).toBe('abc123');
    expect(reloaded.places.history.replaceState).not.toHaveBeenCalled();
  });

  it('prefers a token in the address over an older stored one', () => {
    const { places, storage } = placesAt('http://127.0.0.1:4000/?token=new', {
      'opsdesk.accessToken': 'old',
    });
    expect(takeAccessToken(places)).toBe('new');
    expect(storage.get('opsdesk.accessToken')).toBe('new');
  });

  it('has no token when neither the address nor the storage has one', () => {
    expect(takeAccessToken(placesAt('http://127.0.0.1:4000/').places)).toBeUndefined();
  });
});
