import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import './i18n';
import { listenForInstallOffer } from './pwa/install-prompt';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The first render waits for the person's language (one small chunk, fetched beside the first screen's). */}
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);

listenForInstallOffer();
registerServiceWorker();
