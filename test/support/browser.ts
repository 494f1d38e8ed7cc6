import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = resolve('dist/web');
export const SHOTS = resolve('test-artifacts/screenshots');
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

/**
 * Debian's Chromium, headless, or null when it is not installed. Where REQUIRE_BROWSER=1 (CI), a missing
 * browser fails the run instead of skipping it.
 */
export function chromiumPath(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  }
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return null;
}

/** A suite that needs Chromium: skipped with a message where there is none (and not required). */
export function describeInBrowser(name: string, body: () => void): void {
  (chromiumPath() ? describe : describe.skip)(name, body);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The built web client; (re)built here when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = join(WEB_ROOT, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = [
    'apps/web/src',
    'apps/web/public',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'libs/contracts/src',
  ].map(newestChange);
  if (Math.max(...sources) > built) {
    // jest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
    execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * A fresh browser profile, in the time zone and language `place` gives (the machine's otherwise); the page's
 * Content-Security-Policy violations are collected, never bypassed.
 */
export async function newContext(
  browser: Browser,
  viewport = PHONE,
  place: {
    timezoneId?: string;
    locale?: string;
    colorScheme?: 'light' | 'dark';
    /** 'block' for a suite that does not test the service worker (see questionnaires.e2e-spec.ts). */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', ...place });
  // CI runs two suites at once, each with a server and a browser: a page's load event once took over the default
  // 30 s there (stop 25). What a test then waits for on the page is still asserted; only the ceiling is higher.
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { context, page, cspViolations };
}

/**
 * A screenshot for a person to look at. Under CI's load Chromium has once left a capture hanging past its 30 s
 * (a fresh-clone run of 4 December 2026, on an unchanged screen); the capture is then tried once more, on the next
 * frame, before the test fails.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const { width } = page.viewportSize() ?? PHONE;
  const capture = () => page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: false });
  try {
    await capture();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          (globalThis as unknown as { requestAnimationFrame(done: () => void): void }).requestAnimationFrame(
            () => resolve(null),
          ),
        ),
    );
    await capture();
  }
}

/** Screenshots at both sizes the issue asks for; the page is put back to its own size after. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? PHONE;
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await screenshot(page, name);
  }
  await page.setViewportSize(original);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays strict) and
 * returns the serious and critical violations of WCAG 2.x A/AA rules.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // Runs in the page: the test's TypeScript has no DOM types, so the page's globals are typed here.
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Signs in through the sign-in page and waits for the home screen, in English or Spanish (the browser's). */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(/^(Email|Correo electrónico)$/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click();
  await page.getByRole('heading', { name: /^(Your groups|Tus grupos)$/ }).waitFor();
}

/** The room's message box (named "Message"; other controls, such as the report dialog, mention the word too). */
export const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });

/** The bodies of the messages in the room's timeline, confirmed by the server (not waiting, not held). */
export const timeline = (page: Page) =>
  page.locator('.messages .message:not(.message-pending):not(.message-held) .message-body');

/** A message's "More actions" button (its actions wait in a menu, not on the message). */
export const moreActions = (message: Locator) => message.getByRole('button', { name: /^More actions/ });

/** Chooses one of a message's actions from its menu. */
export async function chooseMessageAction(message: Locator, action: string | RegExp): Promise<void> {
  await moreActions(message).click();
  await message.getByRole('menuitem', { name: action }).click();
}

/** Sideways overflow of the page, in px (0 when nothing scrolls sideways). */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

/**
 * Visible buttons, inputs, selects and ways back ("← Journal") inside `scope` smaller than 44 px either way (radios
 * and checkboxes aside).
 */
export const smallControls = (page: Page, scope: string) =>
  page.evaluate((selector) => {
    type El = {
      getBoundingClientRect(): { width: number; height: number };
      outerHTML: string;
      type?: string;
    };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): El[] } }).document;
    const controls = [
      `${selector} button`,
      `${selector} select`,
      `${selector} input`,
      `${selector} a.back-link`,
      `${selector} .card-link a`,
    ].join(', ');
    return [...doc.querySelectorAll(controls)]
      .filter((el) => el.type !== 'radio' && el.type !== 'checkbox')
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.height < 44 || box.width < 44);
      })
      .map((el) => el.outerHTML.slice(0, 80));
  }, scope);

/** The few DOM types the page-side checks use (the test's TypeScript has no DOM library). */
interface DomElement {
  outerHTML: string;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { height: number };
}
interface DomDocument {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/**
 * The page at the narrowest phone width (360 px): how wide it scrolls, and the buttons and fields of `main` under
 * 44 px tall. The page is put back to its own size after.
 */
export async function comfortAt360(
  page: Page,
): Promise<{ scrollWidth: number; small: { what: string; height: number }[] }> {
  const original = page.viewportSize() ?? PHONE;
  await page.setViewportSize({ width: 360, height: 740 });
  // Charts follow their box on the next frames, not at once.
  await page.waitForTimeout(400);
  const measured = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: DomDocument }).document;
    const controls = [
      ...doc.querySelectorAll('main button, main input, main select, main textarea, main a.button'),
    ];
    return {
      scrollWidth: doc.documentElement.scrollWidth,
      small: controls
        // A checkbox or radio is as tall as the row it sits in, label and all.
        .map((el) => el.closest('.check') ?? el)
        .map((el) => ({ what: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
        .filter((c) => c.height > 0 && c.height < 44),
    };
  });
  await page.setViewportSize(original);
  return measured;
}
