import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Registers /sw.js in the built app (the dev server has none). A worker that was installed while an older page
 * was open waits; the next page load lets it take over, so no open page ever runs under a worker whose cache
 * lacks its scripts.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/', updateViaCache: 'none' })
    .then((registration) => registration.waiting?.postMessage({ type: 'skip-waiting' }))
    .catch(() => undefined);
}

/** After signing out: the worker drops anything but the app shell and the instance's crisis numbers. */
export function forgetOnThisDevice(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'signed-out' });
}

/** A tapped notification asks an open window to show its screen: moved by the router, drafts kept. */
export function NotificationNavigation(): null {
  const navigate = useNavigate();
  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown; path?: unknown } | null;
      if (data?.type !== 'open' || typeof data.path !== 'string') return;
      if (data.path.startsWith('/') && !data.path.startsWith('//')) navigate(data.path);
    };
    container.addEventListener('message', onMessage);
    return () => container.removeEventListener('message', onMessage);
  }, [navigate]);
  return null;
}
