/**
 * Sidebar pages in a real browser: Debian's Chromium driven by playwright-core
 * (no browser download). A `google.script.run` shim in the page forwards every
 * call to the offline Apps Script runtime that holds the built bundle, with
 * google.script.run's asynchronous success/failure handlers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium as root on a machine with no network but loopback. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export interface BrowserSession {
  browser: BrowserContext;
  close(): Promise<void>;
}

/**
 * A describe block whose tests share one fresh Chromium, `chromium()` in its
 * body; skipped where Chromium is not installed (CI installs it).
 */
export function describeInChromium(title: string, body: (chromium: () => BrowserSession) => void): void {
  (chromiumAvailable() ? describe : describe.skip)(title, () => {
    let session: BrowserSession | undefined;
    beforeAll(async () => {
      session = await launchChromium();
    });
    afterAll(async () => {
      await session?.close();
    });
    body(() => {
      if (!session) throw new Error('Chromium is not running');
      return session;
    });
  });
}

/** A fresh Chromium with its own empty profile directory. */
export async function launchChromium(): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    browser: context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What the shim needs from the runtime: the page-call entry point. */
export interface PageServer {
  callFromPage(name: string, ...args: unknown[]): unknown;
}

type ShimReply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Opens an HtmlOutput's content in a new page with the google.script.run shim.
 * Arguments cross as JSON, as they do to Apps Script's servers.
 */
export async function openSidebar(
  session: BrowserSession,
  html: string,
  server: PageServer,
  size: { width: number; height: number } = { width: 300, height: 900 },
): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewportSize(size);
  await page.exposeBinding('__tdktGasRun', async (_source, name: string, argsJson: string): Promise<ShimReply> => {
    try {
      const args = JSON.parse(argsJson) as unknown[];
      return { ok: true, value: server.callFromPage(name, ...args) };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  });
  await page.addInitScript(() => {
    type Handler = (value: unknown) => void;
    const bridge = (window as unknown as { __tdktGasRun(name: string, args: string): Promise<ShimReply> }).__tdktGasRun;
    function runner(success?: Handler, failure?: Handler): unknown {
      return new Proxy(
        {},
        {
          get(_target, prop: string) {
            if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, failure);
            if (prop === 'withFailureHandler') return (h: Handler) => runner(success, h);
            if (prop === 'withUserObject') return () => runner(success, failure);
            return (...args: unknown[]) => {
              for (const arg of args) {
                if (arg instanceof Date) throw new TypeError('Failed due to illegal value in property: 0');
              }
              void bridge(prop, JSON.stringify(args)).then((reply) => {
                if (reply.ok) success?.(reply.value);
                else failure?.(new Error(reply.message));
              });
            };
          },
        },
      );
    }
    (window as unknown as { google: unknown }).google = { script: { run: runner(), host: { close() {} } } };
  });
  // A real navigation (answered locally, no network) so the init script with the
  // shim runs before the page's own script, as Apps Script's iframe would have it.
  const url = 'https://tdkt.invalid/sidebar';
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * With TDKT_SCREENSHOTS=1 (`npm run screenshots`), saves the page as
 * docs/screenshots/<name>.png for the README's user guide.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.TDKT_SCREENSHOTS) return;
  const dir = path.resolve(__dirname, '../../docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
