/*
 * Hearth's service worker. Plain JavaScript, not a Vite entry: a worker's scope is the folder it is served from,
 * so it must be served at /sw.js, and it must not import the app's modules. The build (the hearth-service-worker
 * plugin in vite.config.ts) copies this file to dist/web/sw.js and puts the app shell's file names (content
 * hashed by Vite) in place of SHELL and a hash of them in place of VERSION, so every build that changes the app
 * is a new worker and the browser installs it. No workbox: the few rules below are all Hearth needs.
 *
 * What it keeps: the app shell (index.html, the hashed scripts and styles, icons, manifest) and the crisis
 * resources that "Help now" fetched last. Nothing else from /api/ is ever stored: no messages, no journal, no
 * names.
 */

const VERSION = '__HEARTH_SW_VERSION__';
const SHELL = /* __HEARTH_SW_SHELL__ */ [];
const SHELL_CACHE = `hearth-shell-${VERSION}`;
const SHELL_PREFIX = 'hearth-shell-';
/** The crisis numbers are the instance's, the same for everyone: kept across sign-outs so Help now works offline. */
const CRISIS_CACHE = 'hearth-crisis-resources';
const CRISIS_PATH = '/api/me/moderation/crisis-resources';
/** Which shell caches are kept: this one and the one before, so a page still open on it keeps its lazy screens. */
const GENERATIONS_CACHE = 'hearth-generations';
const GENERATIONS_KEY = '/__hearth-generations';
/**
 * How long a page or the crisis lines wait for the network before what is stored is shown instead. A network
 * that hangs rather than fails (a weak signal, a captive portal) would otherwise leave her waiting for the
 * browser's own timeout, a minute or more, before the app and Help now appear.
 */
const NETWORK_TIMEOUT_MS = 4000;

/*
 * A new worker takes over as soon as it has stored its shell. Pages load network-first, so a page already open
 * keeps its own scripts, and the previous shell stays cached (below) for the screens it loads later; the new app
 * itself arrives with the next load. Waiting for every tab to close instead would keep old workers alive for
 * days on phones, where Hearth is rarely closed.
 */
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(GENERATIONS_CACHE);
      const stored = await meta.match(GENERATIONS_KEY);
      const earlier = stored ? await stored.json() : [];
      const kept = [...earlier.filter((v) => v !== VERSION), VERSION].slice(-2);
      await meta.put(GENERATIONS_KEY, new Response(JSON.stringify(kept)));
      const keep = new Set([...kept.map((v) => SHELL_PREFIX + v), CRISIS_CACHE, GENERATIONS_CACHE]);
      for (const name of await caches.keys()) {
        if (!keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'signed-out') {
    // Only the shell and the instance's crisis numbers are ever stored; anything else found is removed.
    event.waitUntil(
      caches
        .keys()
        .then((names) =>
          Promise.all(
            names
              .filter((n) => !n.startsWith(SHELL_PREFIX) && n !== CRISIS_CACHE && n !== GENERATIONS_CACHE)
              .map((n) => caches.delete(n)),
          ),
        ),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === CRISIS_PATH) {
    event.respondWith(crisisResources(event, request));
  } else if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) {
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(fetch(request), () => caches.match('/index.html', { ignoreVary: true })));
  } else {
    // ignoreVary: the server varies on Origin (CORS), which a module script's request carries and addAll's did not.
    event.respondWith(caches.match(request, { ignoreVary: true }).then((hit) => hit || fetch(request)));
  }
});

/** Fresh when online (and stored); the last answer when not. Keyed by path and language, never by token. */
async function crisisResources(event, request) {
  const url = new URL(request.url);
  const key = url.pathname + (url.searchParams.get('language') === 'es' ? '?language=es' : '');
  const cache = await caches.open(CRISIS_CACHE);
  const fresh = fetch(request).then(async (response) => {
    // Stored even when it comes after the stored answer was shown: the next time is fresher.
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  event.waitUntil(fresh.catch(() => undefined));
  return networkFirst(fresh, () => cache.match(key));
}

/**
 * The network's answer; what `stored()` finds if the network fails, or if it has not answered within
 * NETWORK_TIMEOUT_MS (the network's answer is then left to finish on its own). With nothing stored, the network's
 * answer or failure, however long it takes.
 */
function networkFirst(fresh, stored) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish(value);
    };
    const fromStore = (otherwise) =>
      stored().then((hit) => (hit ? settle(resolve, hit) : otherwise()), otherwise);
    const timer = setTimeout(() => fromStore(() => undefined), NETWORK_TIMEOUT_MS);
    fresh.then(
      (response) => settle(resolve, response),
      (error) => fromStore(() => settle(reject, error)),
    );
  });
}

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(event.data));
});

async function showPush(data) {
  let payload = {};
  try {
    payload = data ? data.json() : {};
  } catch {
    payload = {};
  }
  const title = typeof payload.title === 'string' && payload.title ? payload.title : 'Hearth';
  await self.registration.showNotification(title, {
    body: typeof payload.body === 'string' ? payload.body : '',
    tag: typeof payload.tag === 'string' && payload.tag ? payload.tag : undefined,
    icon: '/icon-192.png',
    badge: '/badge-96.png',
    requireInteraction: payload.requireInteraction === true,
    lang: payload.language === 'es' ? 'es' : 'en',
    data: { url: samePath(payload.url), kind: typeof payload.kind === 'string' ? payload.kind : 'other' },
  });
}

/** Only a path on this origin is ever opened; anything else opens the home screen. */
function samePath(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  const url = new URL(value, self.location.origin);
  return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/';
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openPath(samePath(event.notification.data && event.notification.data.url)));
});

async function openPath(path) {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    // The page moves itself (client routing: no reload, drafts kept). Focus needs the tap's user activation;
    // without it the window is still told where to go.
    await open.focus().catch(() => undefined);
    open.postMessage({ type: 'open', path });
    return;
  }
  await self.clients.openWindow(target);
}
