import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/** Registers /sw.js in the built app (the dev server has none); the worker is always fetched fresh. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
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
