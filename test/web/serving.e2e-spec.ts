import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { SECRETS, type Secrets } from '@hearth/core';

import { createTestApp, type TestApp } from '../support/app.js';
import { ensureWebBuilt, WEB_ROOT } from '../support/browser.js';

describe('The API serves the web client', () => {
  let t: TestApp;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves index.html at / and for every client route, always revalidated, under a strict CSP', async () => {
    for (const path of ['/', '/groups/3f0c6a8e-0000-4000-8000-000000000000', '/invite/abc', '/journal']) {
      const response = await t.request().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('serves the hashed bundles as immutable', async () => {
    const bundle = readdirSync(join(WEB_ROOT, 'assets')).find((name) => name.endsWith('.js'))!;
    const response = await t.request().get(`/assets/${bundle}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps the first load under 150 kB of gzipped JavaScript (the rest loads when a screen is opened)', async () => {
    const page = (await t.request().get('/').expect(200)).text;
    const scripts = [
      ...page.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...page.matchAll(/<link rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(WEB_ROOT, src.replace(/^\//, '')))).length,
      0,
    );
    expect(gzipped).toBeLessThan(150 * 1024);
  });

  it('keeps /api its own: unknown API paths are JSON errors, not the client page', async () => {
    const response = await t.request().get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t
      .request()
      .get('/api/instance')
      .expect(200, {
        needsSetup: true,
        registration: 'open',
        webPush: { publicKey: t.app.get<Secrets>(SECRETS).vapid.publicKey },
        email: false,
      });
  });

  it('the built page has no inline script or style and loads nothing from another origin', async () => {
    const html = (await t.request().get('/').expect(200)).text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('Without a built web client', () => {
  it('the API runs alone and / is a plain 404', async () => {
    const t = await createTestApp({ env: { WEB_ROOT: '/nonexistent-hearth-web' } });
    try {
      expect(t.config.http.webRoot).toBeNull();
      await t.request().get('/').expect(404);
      await t.request().get('/api/instance').expect(200);
    } finally {
      await t.close();
    }
  });
});
