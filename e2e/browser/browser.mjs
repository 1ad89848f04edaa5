// Shared by the browser test and the bench: Debian's Chromium through playwright-core, and a page
// that records every request to another host, every console error and every uncaught error.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function env(name) {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name}: missing; see the header of this file`);
  return value;
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * A fresh context and page with a browser in `locale` (navigator.languages and Accept-Language);
 * check() throws when the page asked another host than baseUrl for anything, logged a console
 * error (except those matching allowConsole) or threw.
 */
export async function guardedPage(browser, baseUrl, { allowConsole = [], viewport = { width: 1400, height: 900 }, locale = 'en-US' } = {}) {
  const language = locale.split('-')[0];
  const context = await browser.newContext({
    viewport,
    locale,
    extraHTTPHeaders: { 'Accept-Language': language === locale ? locale : `${locale},${language};q=0.9` },
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const problems = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.origin !== origin) {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowConsole.some((re) => re.test(message.text()))) {
      problems.push(`console error: ${message.text()} (${message.location().url ?? ''})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  const check = () => {
    if (problems.length > 0) throw new Error(`the page misbehaved:\n  ${problems.join('\n  ')}`);
  };
  return { page, context, check };
}
