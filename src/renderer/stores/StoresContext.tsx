import { createContext, useContext, type ReactNode } from 'react';
import type { AppStores } from './appStores';

const StoresContext = createContext<AppStores | null>(null);

/** Makes the app's stores available to every component below. */
export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The app's stores; read them with zustand's `useStore`. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() used outside <StoresProvider>');
  return stores;
}
