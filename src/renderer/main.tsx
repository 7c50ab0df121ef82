import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './App';
import { connectLogger, createLogger } from './logger';
import { createAppStores } from './stores/appStores';
import { StoresProvider } from './stores/StoresContext';
import { localTimeZone } from './views/logs/model/timeFormat';
import './styles/base.css';
import './styles/shell.css';

connectLogger(api);
const log = createLogger('renderer');

const stores = createAppStores(api, localTimeZone());

// A failure no component caught is logged and shown; the window keeps running.
window.addEventListener('error', (event) => {
  // Chromium reports a resize that needed a second layout pass as an error;
  // charts and the virtual list cause it harmlessly when the window resizes.
  if (event.message.includes('ResizeObserver loop')) return;
  log.error('uncaught error', event.error ?? event.message);
  stores.notices.getState().report(`Unexpected error: ${event.message}`);
});
window.addEventListener('unhandledrejection', (event) => {
  log.error('unhandled rejection', event.reason);
  stores.notices.getState().report(`Unexpected error: ${String(event.reason)}`);
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
