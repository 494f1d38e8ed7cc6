import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import './i18n';
import { listenForInstallOffer } from './pwa/install-prompt';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

listenForInstallOffer();
registerServiceWorker();
