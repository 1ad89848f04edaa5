// The collector's status page in Debian's Chromium, driven headless by playwright-core.
//
// Run by e2e/src/test/java/io/digiready/e2e/BrowserTest.java against a real collector; by hand:
//   BASE_URL=http://127.0.0.1:18080 ADMIN_TOKEN=... VIEWER_TOKEN=... EXPECT_UNIT=krong-nang.phu-loc \
//   EXPECT_UNIT_NAME='Xã Phú Lộc' EXPECT_EQUIPMENT=0.4583 node --test status-page.test.mjs
//
// Every test fails on a request to any host other than the collector, on a console error and on an
// uncaught page error. The English tests run in a browser set to en-US; the last one in a browser
// set to vi-VN, which must get the whole page in Vietnamese (strings.test.mjs checks the strings
// files themselves without a browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, guardedPage, env } from './browser.mjs';
import { webModule, wordsOf, englishOnlyWords } from './words.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = env('BASE_URL');
const ADMIN_TOKEN = env('ADMIN_TOKEN');
const VIEWER_TOKEN = env('VIEWER_TOKEN');
const EXPECT_UNIT = env('EXPECT_UNIT');
const EXPECT_UNIT_NAME = env('EXPECT_UNIT_NAME');
const EXPECT_EQUIPMENT = Number(env('EXPECT_EQUIPMENT'));
const EXPECT_PROTECTION = process.env.EXPECT_PROTECTION ? Number(process.env.EXPECT_PROTECTION) : null;
const EXPECT_MACHINES = process.env.EXPECT_MACHINES ? Number(process.env.EXPECT_MACHINES) : null;
const EXPECT_QUOTED_UNIT = process.env.EXPECT_QUOTED_UNIT ?? null;
const EXPECT_QUOTED_NAME = process.env.EXPECT_QUOTED_NAME ?? null;
const EXPECT_DISTRICT = process.env.EXPECT_DISTRICT ?? null;
const EXPECT_DISTRICT_OFFLINE = Number(process.env.EXPECT_DISTRICT_OFFLINE ?? 0);
const EXPECT_DISTRICT_MACHINES = Number(process.env.EXPECT_DISTRICT_MACHINES ?? 0);
const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(here, '..', 'target', 'screenshots'));
const LOCALE = 'en-US';
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const { formatter } = await webModule('format.js');
const { MACHINES_PAGE, PROBLEMS_PAGE } = await webModule('paging.js');
const VI = formatter('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const EN = formatter('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
const ENGLISH_ONLY = englishOnlyWords((await webModule('strings.en.js')).strings);

let browser;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}

async function signIn(page, token) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('main[data-ready="signin"]');
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('main[data-ready="units"]');
}

/** The codes of the rows under the same parent as `code`, in the order shown, with their equipment figure. */
async function siblingsOf(page, code) {
  return page.$$eval(
    '#units-table tbody tr',
    (rows, wanted) => {
      const depth = (tr) => Number(tr.className.match(/depth-(\d)/)[1]);
      const index = rows.findIndex((tr) => tr.dataset.code === wanted);
      const level = depth(rows[index]);
      let start = index;
      while (start > 0 && depth(rows[start - 1]) >= level) start--;
      const out = [];
      for (let i = start; i < rows.length && depth(rows[i]) >= level; i++) {
        if (depth(rows[i]) === level) {
          const value = rows[i].querySelector('[data-col="equipment"]').dataset.value;
          out.push({ code: rows[i].dataset.code, equipment: value === '' ? null : Number(value) });
        }
      }
      return out;
    },
    code,
  );
}

function assertSorted(list, direction) {
  const values = list.map((x) => x.equipment).filter((v) => v !== null);
  const sorted = [...values].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
  assert.deepEqual(values, sorted, `sibling units in ${direction} order of equipment coverage`);
}

test('a bad token gets a clear error and nothing is kept', { timeout: 60_000 }, async () => {
  // The 401 of the rejected token is the one console message Chromium logs by itself.
  const { page, context, check } = await guardedPage(browser, BASE_URL, { allowConsole: [/status of 401/] });
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector('main[data-ready="signin"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await shot(page, 'signin.png', false);
    await page.getByLabel('Access token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('#signin-error');
    await alert.filter({ hasText: 'not accepted' }).waitFor();
    assert.match(await alert.textContent(), /This token was not accepted/);
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await shot(page, 'signin-bad-token.png', false);
    check();
  } finally {
    await context.close();
  }
});

test('a viewer reads units, a unit, a machine, downloads a report and signs out', { timeout: 180_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL);
  try {
    await signIn(page, VIEWER_TOKEN);

    // Signed in as a viewer: the role shows, the token is in sessionStorage only, no token admin.
    assert.equal(await page.getAttribute('[data-role]', 'data-role'), 'viewer');
    assert.match(await page.textContent('#who'), /read only/);
    assert.equal(await page.locator('a[href="#/tokens"]').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('digiready.token')), VIEWER_TOKEN);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(await context.cookies(), []);

    // The units table: the Vietnamese name, and the equipment coverage the API gives.
    const row = page.locator(`#units-table tr[data-code="${EXPECT_UNIT}"]`);
    assert.equal(await row.locator('.unit-name').textContent(), EXPECT_UNIT_NAME);
    const equipment = row.locator('[data-col="equipment"]');
    assert.ok(Math.abs(Number(await equipment.getAttribute('data-value')) - EXPECT_EQUIPMENT) < 1e-12);
    assert.equal(await equipment.locator('.figure').textContent(), percent.format(EXPECT_EQUIPMENT));
    assert.match(await equipment.getAttribute('class'), EXPECT_EQUIPMENT >= 1 ? /\bmet\b/ : /\bunmet\b/);
    if (EXPECT_EQUIPMENT < 1) {
      assert.match(await equipment.locator('.gap').textContent(), /^needs \d+ more working computers?$/);
    }
    assert.match(await row.locator('[data-col="rank"]').textContent(), /^\d+(st|nd|rd|th) of \d+$/);
    // Protection coverage: the API's figure against the unit's target, with the gap in words.
    const protection = row.locator('[data-col="protection"]');
    if (EXPECT_PROTECTION !== null) {
      assert.ok(Math.abs(Number(await protection.getAttribute('data-value')) - EXPECT_PROTECTION) < 1e-12);
      assert.equal(await protection.locator('.figure').textContent(), percent.format(EXPECT_PROTECTION));
      assert.match(await protection.locator('.gap').textContent(), /^(target met|needs \d+ more protected computers?)$/);
    }
    assert.ok((await page.locator('#units-table th[data-key="protection"]').count()) === 1, 'a protection column');
    if (EXPECT_QUOTED_UNIT) {
      const quoted = page.locator(`#units-table tr[data-code="${EXPECT_QUOTED_UNIT}"] .unit-name`);
      assert.equal(await quoted.textContent(), EXPECT_QUOTED_NAME);
    }
    await shot(page, 'units.png');

    // Sorting by a column: by button, keyboard reachable, aria-sort on the heading; the tree stays.
    const heading = page.locator('#units-table th[data-key="equipment"]');
    await heading.locator('button').click();
    assert.equal(await heading.getAttribute('aria-sort'), 'ascending');
    assertSorted(await siblingsOf(page, EXPECT_UNIT), 'ascending');
    await heading.locator('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await heading.getAttribute('aria-sort'), 'descending');
    assertSorted(await siblingsOf(page, EXPECT_UNIT), 'descending');
    assert.equal(await page.locator('#units-table th[aria-sort]').count(), 1);
    await shot(page, 'units-sorted.png');

    // The unit page.
    await row.locator('a').first().click();
    await page.waitForSelector('main[data-ready="unit"]');
    assert.equal(new URL(page.url()).hash, `#/units/${EXPECT_UNIT}`);
    assert.match(await page.textContent('h1'), new RegExp(EXPECT_UNIT_NAME));
    const machineRows = page.locator('table.machines tbody tr');
    if (EXPECT_MACHINES !== null) {
      assert.equal(await machineRows.count(), Math.min(EXPECT_MACHINES, MACHINES_PAGE));
      assert.equal(await page.locator('table.machines').getAttribute('data-total'), String(EXPECT_MACHINES));
    }
    assert.ok((await machineRows.count()) > 0, 'the unit lists its computers');
    const offline = page.locator('#offline');
    assert.match(await offline.textContent(), /office hours/);
    assert.ok((await page.locator('#failing').count()) === 1);
    await page.waitForSelector('#availability[data-chart-days="7"] svg.chart');
    assert.ok((await page.locator('#availability svg.chart rect.bar').count()) > 0, 'the chart has hourly bars');
    assert.match(await page.textContent('#availability .chart-summary'), /Over the last 7 days: .+ of heartbeats reached the internet/);
    await page.getByRole('button', { name: 'Last 30 days' }).click();
    await page.waitForSelector('#availability[data-chart-days="30"] svg.chart');
    assert.equal(await page.getAttribute('button[data-days="30"]', 'aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.waitForSelector('#availability[data-chart-days="7"] svg.chart');
    if (EXPECT_PROTECTION !== null) {
      assert.equal(await page.locator('#figures [data-col="protection"] .figure').textContent(), percent.format(EXPECT_PROTECTION));
    }
    assert.match(await page.textContent('#figures'), /Protection coverage/);
    // Required applications (the demo province's list, inherited): the API's software coverage, the
    // gap in words, and the list the unit's computers are matched against.
    const unitJson = await apiJson(`/units/${EXPECT_UNIT}`, VIEWER_TOKEN);
    const softwareCard = page.locator('#figures [data-col="software"]');
    assert.ok(unitJson.effectiveRequiredApplications.length > 0, 'the demo tree requires applications');
    assert.equal(await page.locator('#figures ul.required li').count(), unitJson.effectiveRequiredApplications.length);
    for (const r of unitJson.effectiveRequiredApplications) {
      assert.ok((await page.textContent('#figures ul.required')).includes(r.label), `required ${r.label}`);
    }
    if (unitJson.softwareCoverage !== null) {
      assert.ok(Math.abs(Number(await softwareCard.getAttribute('data-value')) - unitJson.softwareCoverage) < 1e-12);
      assert.equal(await softwareCard.locator('.figure').textContent(), percent.format(unitJson.softwareCoverage));
      assert.match(await softwareCard.locator('.gap').textContent(), /^(target met|needs \d+ more computers? with every required application)$/);
    }
    await shot(page, 'unit-detail.png');

    // The coverage report through the button: a file named by the server, starting with the BOM.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Coverage figures as CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /coverage.*\.csv$/);
    const file = path.join(SHOTS, '..', 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'coverage.csv starts with the UTF-8 BOM');
    assert.ok(bytes.toString('utf8').includes(EXPECT_UNIT_NAME), 'the CSV holds the Vietnamese name');
    assert.ok(bytes.toString('utf8').startsWith('\ufeffcode,name,parent,'), 'an English page downloads English headings');
    await page.locator('.download-status', { hasText: 'Downloaded' }).waitFor();

    // A machine page: inventory, checks, probes, events.
    const first = machineRows.first().locator('a');
    const hostname = (await first.textContent()).trim();
    await first.click();
    await page.waitForSelector('main[data-ready="machine"]');
    assert.match(new URL(page.url()).hash, /^#\/machines\/.+/);
    assert.match(await page.textContent('h1'), new RegExp(hostname));
    const inventory = await page.textContent('#inventory');
    for (const label of ['Processor', 'Memory', 'Operating system', 'Disks', 'File systems', 'Network']) {
      assert.ok(inventory.includes(label), `inventory shows ${label}`);
    }
    assert.ok((await page.locator('#checks table.checks tbody tr').count()) >= 7, 'the seven readiness checks');
    assert.match(await page.textContent('#checks table.checks'), /Memory.*(pass|fail)/s);
    assert.match(await page.textContent('#checks table.checks'), /Anti-malware.*(pass|fail)/s);
    assert.match(await page.textContent('#checks table.checks'), /Operating system updates.*(pass|fail).*last update \d+ days? ago/s);
    // Protection and the software list, as the API has them.
    const machineId = new URL(page.url()).hash.split('/')[2];
    const installed = await apiJson(`/machines/${machineId}/software`, VIEWER_TOKEN);
    const detail = await apiJson(`/machines/${machineId}`, VIEWER_TOKEN);
    const products = detail.inventory?.protection?.antiMalware ?? [];
    assert.match(await page.textContent('#protection'), /Protection and updates/);
    assert.equal(await page.locator('#protection table.anti-malware tbody tr').count(), products.length);
    for (const p of products) assert.ok((await page.textContent('#protection')).includes(p.name), `product ${p.name}`);
    assert.match(await page.textContent('#protection'), /Last operating system update/);
    // Required applications: ready, or the labels the API says are missing, in its order.
    const req = detail.requiredSoftware;
    assert.match(await page.textContent('#required-software'), /Required applications/);
    if (req.ready) {
      assert.match(await page.textContent('#required-software'), /Every required application is installed/);
    } else {
      assert.deepEqual(await page.locator('#required-software ul.missing li').allTextContents(), req.missing);
      assert.match(await page.textContent('#required-software'), /\d+ required applications? missing:/);
    }
    assert.ok(installed.software.length > 0, 'the simulated PC reported software');
    assert.equal(await page.locator('#software table.software tbody tr').count(), installed.software.length);
    assert.equal(await page.textContent('#software table.software caption'),
      `${installed.total} applications, as reported ${EN.dateTime(installed.reportedAt)}`.replace(/^1 applications/, '1 application'));
    assert.equal(await page.locator('#software table.software tbody tr').first().locator('td').first().textContent(), installed.software[0].name);
    await page.locator('#software').scrollIntoViewIfNeeded();
    await shot(page, 'machine-software.png', false);
    assert.ok((await page.locator('#heartbeat table.probes tbody tr').count()) > 0, 'probe results');
    assert.ok((await page.locator('#events table.events tbody tr').count()) > 0, 'events');
    assert.match(await page.textContent('#events'), /enrolled/);
    await shot(page, 'machine-detail.png');

    // The breadcrumb leads back to the unit.
    await page.locator('.crumbs a', { hasText: EXPECT_UNIT_NAME }).click();
    await page.waitForSelector('main[data-ready="unit"]');

    // The district: its offline list and failing list hold what the API says.
    if (EXPECT_DISTRICT) {
      await page.goto(`${BASE_URL}/#/units/${EXPECT_DISTRICT}`);
      await page.waitForSelector('main[data-ready="unit"]');
      assert.equal(await page.locator('#offline table.offline tbody tr').count(), Math.min(EXPECT_DISTRICT_OFFLINE, PROBLEMS_PAGE));
      if (EXPECT_DISTRICT_OFFLINE > 0) assert.match(await page.textContent('#offline'), /working but not reporting/);
      // A page of computers, then "more" until the last page: every computer once.
      assert.equal(await page.locator('table.machines tbody tr').count(), Math.min(EXPECT_DISTRICT_MACHINES, MACHINES_PAGE));
      const more = page.locator('.paging[data-list="machines"] button.more');
      for (let shown = MACHINES_PAGE; shown < EXPECT_DISTRICT_MACHINES; shown += MACHINES_PAGE) {
        assert.match(await page.textContent('.paging[data-list="machines"] .shown'), /^The first [\d,]+ of [\d,]+ computers are shown\.$/);
        await more.click();
        await page.waitForFunction((n) => document.querySelectorAll('table.machines tbody tr').length === n, Math.min(EXPECT_DISTRICT_MACHINES, shown + MACHINES_PAGE));
      }
      assert.equal(await page.locator('table.machines tbody tr').count(), EXPECT_DISTRICT_MACHINES);
      assert.equal(new Set(await page.$$eval('table.machines tbody tr', (trs) => trs.map((tr) => tr.dataset.machine))).size, EXPECT_DISTRICT_MACHINES);
      assert.equal(await page.locator('.paging[data-list="machines"]').isVisible(), false);
      await shot(page, 'district-detail.png', false);
      await page.locator('#offline').scrollIntoViewIfNeeded();
      await shot(page, 'district-offline-failing.png', false);

      // A computer whose line is down: each probe's result and error.
      const cut = page.locator('table.machines tbody tr', { has: page.locator('td span.no', { hasText: /^no$/ }) });
      if ((await cut.count()) > 0) {
        await cut.first().locator('a').click();
        await page.waitForSelector('main[data-ready="machine"]');
        const probes = await page.textContent('#heartbeat table.probes');
        assert.match(probes, /failed/);
        await shot(page, 'machine-line-down.png');
      }
    }

    // Signing out forgets the token and shows the form again, also after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForSelector('main[data-ready="signin"]');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('digiready.token')), null);
    assert.match(await page.textContent('main'), /You are signed out/);
    assert.ok(await page.getByLabel('Access token').isVisible());
    assert.equal(await page.locator('#who').isVisible(), false);
    await shot(page, 'signed-out.png', false);
    await page.reload();
    await page.waitForSelector('main[data-ready="signin"]');
    check();
  } finally {
    await context.close();
  }
});

test('an administrator creates and revokes a viewer token in the page', { timeout: 120_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL);
  try {
    await signIn(page, ADMIN_TOKEN);
    assert.equal(await page.getAttribute('[data-role]', 'data-role'), 'admin');
    await page.getByRole('link', { name: 'Viewer tokens' }).click();
    await page.waitForSelector('main[data-ready="tokens"]');

    const name = 'Phòng Nội vụ, "báo cáo" quý 4';
    await page.getByLabel('Who the token is for').fill(name);
    await page.getByRole('button', { name: 'Create viewer token' }).click();
    const secret = (await page.locator('#new-token').textContent()).trim();
    assert.ok(secret.length >= 20, 'the new token is shown');
    assert.match(await page.textContent('.fresh-token'), /shown only once/);
    const row = page.locator('table.tokens tbody tr', { hasText: name });
    await row.waitFor();
    await shot(page, 'viewer-tokens.png');

    // The new token reads, as a viewer.
    const session = await fetch(`${BASE_URL}/api/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(session.status, 200);
    assert.deepEqual(await session.json(), { role: 'viewer', name });

    // Revoking takes a confirmation, then the token no longer works.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.locator('table.tokens tbody tr', { hasText: name }).filter({ hasText: 'revoked' }).waitFor();
    const after = await fetch(`${BASE_URL}/api/v1/session`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(after.status, 401);
    check();
  } finally {
    await context.close();
  }
});

async function apiJson(apiPath, token) {
  const response = await fetch(`${BASE_URL}/api/v1${apiPath}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, apiPath);
  return response.json();
}

function stringsIn(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * Words of the English page found on the page in another language, outside what the page marks as
 * given in English (lang="en": the switch's "English", API texts it cannot translate) and <code>.
 * `data` holds the API's names (units, computers, hardware), shown as given whatever their words.
 */
async function englishLeft(page, data) {
  const given = new Set(stringsIn(data).flatMap(wordsOf));
  const words = ENGLISH_ONLY.filter((w) => !given.has(w));
  return page.evaluate((list) => {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])(${list.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    const exempt = (el) => el.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang || el.closest('code, noscript, style, script');
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const m = node.parentElement && !exempt(node.parentElement) ? word.exec(node.textContent) : null;
      if (m) found.push(`"${m[1]}" in "${node.textContent.trim().slice(0, 120)}"`);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        const m = el.hasAttribute(attr) && !exempt(el) ? word.exec(el.getAttribute(attr)) : null;
        if (m) found.push(`"${m[1]}" in ${attr}="${el.getAttribute(attr).slice(0, 120)}"`);
      }
    }
    const m = word.exec(document.title);
    if (m) found.push(`"${m[1]}" in the title "${document.title}"`);
    return found;
  }, words);
}

/** Clicks a language in the header's switch; the page reloads in it, on the same route. */
async function switchLanguage(page, name, ready) {
  await Promise.all([page.waitForEvent('load'), page.locator('#lang').getByRole('button', { name, exact: true }).click()]);
  await page.waitForSelector(`main[data-ready="${ready}"]`);
}

test('a reader whose browser is in Vietnamese gets the page in Vietnamese, switches to English and back', { timeout: 180_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL, { locale: 'vi-VN' });
  const acceptLanguage = [];
  page.on('request', (request) => acceptLanguage.push(request.headers()['accept-language']));
  try {
    // Chromium here formats vi-VN as the page expects (pinned in strings.test.mjs for Node too).
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector('main[data-ready="signin"]');
    assert.deepEqual(
      await page.evaluate(async () => {
        const { formatter } = await import('/ui/format.js');
        const at = '2026-03-31T07:05:00Z';
        const v = formatter('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
        const e = formatter('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
        return [v.pct(0.982), v.num(12345), v.date(at), v.dateTime(at), e.pct(0.982), e.num(12345), e.date(at), e.dateTime(at)];
      }),
      ['98,2%', '12.345', '31/03/2026', '31/03/2026 14:05:00', '98.2%', '12,345', '31 Mar 2026', '31 Mar 2026, 14:05:00'],
    );
    assert.match(acceptLanguage[0] ?? '', /^vi-VN\b/, 'the browser asks for Vietnamese');
    assert.equal(await page.evaluate(() => navigator.languages[0]), 'vi-VN');

    // The sign-in screen, in Vietnamese from the browser's language alone (nothing stored).
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.title(), 'Đăng nhập · digiready');
    assert.equal(await page.textContent('main h1'), 'Đăng nhập');
    assert.ok(await page.getByLabel('Mã truy cập').isVisible());
    const switcher = page.locator('#lang');
    assert.equal(await switcher.getAttribute('aria-label'), 'Ngôn ngữ');
    assert.equal(await switcher.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await switcher.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'false');
    assert.equal(await switcher.getByRole('button', { name: 'English' }).getAttribute('lang'), 'en');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(await englishLeft(page, []), []);
    await shot(page, 'vi-signin.png', false);

    // The switch works on the sign-in screen too, and is remembered.
    await switchLanguage(page, 'English', 'signin');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Sign in · digiready');
    assert.ok(await page.getByLabel('Access token').isVisible());
    assert.equal(await page.evaluate(() => localStorage.getItem('digiready.lang')), 'en');
    await switchLanguage(page, 'Tiếng Việt', 'signin');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.evaluate(() => localStorage.getItem('digiready.lang')), 'vi');

    // Signing in, in Vietnamese.
    await page.getByLabel('Mã truy cập').fill(VIEWER_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForSelector('main[data-ready="units"]');
    assert.equal(await page.title(), 'Đơn vị · digiready');
    assert.equal(await page.textContent('main h1'), 'Đơn vị');
    assert.match(await page.textContent('#who'), /^Đã đăng nhập: .+ \(chỉ xem\)/);
    assert.match(await page.textContent('main .lead'), /^[\d.]+ đơn vị, [\d.]+ máy tính làm việc, [\d.]+ máy đang trực tuyến\.$/);
    const headings = await page.locator('#units-table thead th').allTextContents();
    for (const label of ['Đơn vị', 'Cán bộ', 'Máy tính làm việc', 'Tỷ lệ trang bị máy tính', 'Tỷ lệ kết nối Internet', 'Tỷ lệ máy tính được bảo vệ', 'Xếp hạng']) {
      assert.ok(headings.includes(label), `column ${label} in ${headings.join(' | ')}`);
    }
    const row = page.locator(`#units-table tr[data-code="${EXPECT_UNIT}"]`);
    assert.equal(await row.locator('.unit-name').textContent(), EXPECT_UNIT_NAME);
    const figure = await row.locator('[data-col="equipment"] .figure').textContent();
    assert.equal(figure, VI.pct(EXPECT_EQUIPMENT), "the API's equipment coverage, written the Vietnamese way");
    assert.match(figure, /^\d{1,3},\d%$/);
    assert.match(await row.locator('[data-col="equipment"] .of-target').textContent(), /^ chỉ tiêu \d+(,\d)?%$/);
    assert.match(
      await row.locator('[data-col="equipment"] .gap').textContent(),
      EXPECT_EQUIPMENT >= 1 ? /^đạt chỉ tiêu$/ : /^còn thiếu \d+ máy tính làm việc$/,
    );
    assert.match(await row.locator('[data-col="rank"]').textContent(), /^xếp thứ \d+\/\d+$/);
    const units = await apiJson('/units', VIEWER_TOKEN);
    const session = await apiJson('/session', VIEWER_TOKEN);
    const names = [session.name, ...units.flatMap((u) => [u.name, u.code])];
    assert.deepEqual(await englishLeft(page, names), [], 'English words on the Vietnamese units page');
    await shot(page, 'vi-units.png');

    // A unit's page.
    await row.locator('a').first().click();
    await page.waitForSelector('main[data-ready="unit"]');
    await page.waitForSelector('#availability[data-chart-days="7"]');
    assert.equal(await page.title(), `${EXPECT_UNIT_NAME} · digiready`);
    assert.match(await page.textContent('h1'), new RegExp(`${EXPECT_UNIT_NAME} .* · cấp xã`));
    assert.equal(await page.textContent('#figures-title'), 'Số liệu');
    assert.equal(await page.textContent('#exports-title'), 'Báo cáo');
    assert.match(await page.textContent('#offline'), /giờ làm việc/);
    assert.match(await page.textContent('#availability .chart-summary'), /^Trong 7 ngày gần nhất: \d{1,3},\d% tín hiệu hoạt động truy cập được Internet/);
    const machines = Number(await page.locator('table.machines').getAttribute('data-total'));
    assert.equal(await page.locator('table.machines tbody tr').count(), Math.min(machines, MACHINES_PAGE));
    assert.equal(await page.textContent('table.machines caption'), `${VI.num(machines)} máy tính`);
    const seen = page.locator('table.machines tbody time').first();
    assert.equal(await seen.textContent(), VI.dateTime(await seen.getAttribute('datetime')));
    assert.match(await seen.textContent(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const unitMachines = await apiJson(`/machines?unit=${encodeURIComponent(EXPECT_UNIT)}`, VIEWER_TOKEN);
    // Anti-malware products are names, as the agent reported them ("Kaspersky Endpoint Security
    // for Windows: out of date" is said in Vietnamese around the name).
    const products = unitMachines
      .flatMap((m) => m.failing ?? [])
      .filter((c) => c.rule === 'antiMalware' && c.value)
      .map((c) => c.value.replace(/: (enabled, up to date|out of date|switched off)$/, ''));
    assert.deepEqual(await englishLeft(page, [...names, ...unitMachines.map((m) => m.hostname), ...products]), [], 'English words on the Vietnamese unit page');
    await shot(page, 'vi-unit.png');

    // A computer's page.
    const first = page.locator('table.machines tbody tr a').first();
    const hostname = (await first.textContent()).trim();
    await first.click();
    await page.waitForSelector('main[data-ready="machine"]');
    assert.equal(await page.title(), `${hostname} · digiready`);
    const inventory = await page.textContent('#inventory');
    for (const label of ['Cấu hình máy', 'Bộ xử lý', 'Bộ nhớ (RAM)', 'Hệ điều hành', 'Ổ đĩa', 'Phân vùng', 'Mạng']) {
      assert.ok(inventory.includes(label), `inventory shows ${label}`);
    }
    const checks = await page.textContent('#checks table.checks');
    assert.match(checks, /Bộ nhớ \(RAM\)(đạt|không đạt)/);
    assert.match(checks, /tối thiểu \d+(,\d)? GiB/);
    assert.doesNotMatch(checks, /GiB free|s off|within|>=/, "the API's readiness texts are said in Vietnamese");
    assert.match(await page.textContent('#events'), /đăng ký/);
    assert.match(await page.textContent('#checks table.checks'), /Phần mềm phòng chống mã độc/);
    assert.match(await page.textContent('#checks table.checks'), /Cập nhật hệ điều hành.*cập nhật lần cuối \d+ ngày trước/s);
    assert.equal(await page.textContent('#protection-title'), 'Bảo vệ và cập nhật');
    assert.equal(await page.textContent('#software-title'), 'Phần mềm đã cài đặt');
    assert.match(await page.textContent('#software table.software caption'), /^[\d.]+ phần mềm, theo báo cáo lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const machineId = new URL(page.url()).hash.split('/')[2];
    const machine = await apiJson(`/machines/${machineId}`, VIEWER_TOKEN);
    const software = await apiJson(`/machines/${machineId}/software`, VIEWER_TOKEN);
    assert.deepEqual(await englishLeft(page, [...names, hostname, machine.inventory, software.software]), [], 'English words on the Vietnamese machine page');
    await shot(page, 'vi-machine.png');

    // To English on the same page: still signed in, everything in English, remembered over a reload.
    await switchLanguage(page, 'English', 'machine');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), `${hostname} · digiready`);
    assert.match(await page.textContent('#inventory'), /Processor/);
    assert.match(await page.textContent('#who'), /read only/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('digiready.token')), VIEWER_TOKEN);
    assert.equal(await page.evaluate(() => localStorage.getItem('digiready.lang')), 'en');
    await page.reload();
    await page.waitForSelector('main[data-ready="machine"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.locator('#nav').getByRole('link', { name: 'Units' }).click();
    await page.waitForSelector('main[data-ready="units"]');
    assert.equal(await page.title(), 'Units · digiready');
    assert.equal(await row.locator('[data-col="equipment"] .figure').textContent(), EN.pct(EXPECT_EQUIPMENT));
    assert.match(await row.locator('[data-col="rank"]').textContent(), /^\d+(st|nd|rd|th) of \d+$/);

    // And back to Vietnamese, also remembered over a reload.
    await switchLanguage(page, 'Tiếng Việt', 'units');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await row.locator('[data-col="equipment"] .figure').textContent(), VI.pct(EXPECT_EQUIPMENT));
    await page.reload();
    await page.waitForSelector('main[data-ready="units"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.title(), 'Đơn vị · digiready');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('digiready.token')), VIEWER_TOKEN);
    check();
  } finally {
    await context.close();
  }
});

/** Today in Hà Nội as YYYY-MM-DD, and this quarter's name and first and last day. */
function thisQuarter() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const last = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
  const pad = (n) => String(n).padStart(2, '0');
  return { today, year, q, from: `${year}-${pad(q * 3 - 2)}-01`, to: `${year}-${pad(q * 3)}-${pad(last)}` };
}

/** A coverage as the report's sentences write it: at most one decimal, never 100% below 100 %. */
function sentencePct(ratio) {
  return ratio < 1 && Math.round(ratio * 1000) >= 1000 ? VI.pctTarget(0.999) : VI.pctTarget(ratio);
}

const flat = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

test('a reader in Vietnamese opens the period report, changes the period and prints it to PDF', { timeout: 180_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL, { locale: 'vi-VN' });
  const district = EXPECT_DISTRICT ?? EXPECT_UNIT;
  const ROMAN = ['I', 'II', 'III', 'IV'];
  const period = thisQuarter();
  try {
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector('main[data-ready="signin"]');
    await page.getByLabel('Mã truy cập').fill(VIEWER_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForSelector('main[data-ready="units"]');
    await page.goto(`${BASE_URL}/#/units/${district}`);
    await page.waitForSelector('main[data-ready="unit"]');
    await page.getByRole('link', { name: 'Báo cáo kỳ (quý, năm)' }).click();
    await page.waitForSelector('main[data-ready="report"]');

    // This quarter so far, the district and every unit below it.
    const quarterName = `Quý ${ROMAN[period.q - 1]}/${period.year}`;
    assert.equal(await page.textContent('main h1'), `Báo cáo kỳ: ${quarterName}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    const report = await apiJson(`/reports/period?unit=${district}&from=${period.from}&to=${period.to}&lang=vi`, VIEWER_TOKEN);
    assert.equal(report.title, quarterName);
    assert.equal(report.asOf, period.today);
    assert.equal(report.partial, period.to !== period.today);
    assert.match(await page.textContent('#report-intro'), new RegExp(`^Số liệu đến hết ngày ${VI.calendarDate(period.today)}, so sánh với cuối kỳ trước`));
    const rows = page.locator('table.report tbody tr');
    assert.equal(await rows.count(), report.units.length);
    assert.ok(report.units.length > 2, 'the district and its communes');
    assert.deepEqual(await page.locator('ol.sentences li').allTextContents(), report.units.map((r) => r.sentence));
    assert.deepEqual(
      await page.locator('table.report thead th').allTextContents(),
      ['Đơn vị', 'Số cán bộ', 'Cán bộ có máy tính làm việc', 'Máy tính kết nối Internet', 'Máy tính được bảo vệ chống mã độc', 'Điểm sẵn sàng', 'Xếp hạng', 'So với cuối kỳ trước'],
    );

    // The commune's sentence says the live figures of the API, written the Vietnamese way.
    const unit = await apiJson(`/units/${EXPECT_UNIT}`, VIEWER_TOKEN);
    const equipped = Math.round(unit.equipmentCoverage * unit.staff);
    const sentence =
      `${unit.name}: ${VI.num(equipped)}/${VI.num(unit.staff)} cán bộ có máy tính làm việc (${sentencePct(unit.equipmentCoverage)}); ` +
      `${sentencePct(unit.connectivityCoverage)} máy tính kết nối Internet; ` +
      // The demo tree requires applications: the share of computers that have them all.
      (unit.softwareCoverage === null ? '' : `${sentencePct(unit.softwareCoverage)} máy tính có đủ phần mềm bắt buộc; `) +
      `xếp thứ ${VI.num(unit.rank)}/${VI.num(unit.of)}.`;
    assert.equal(await page.textContent(`ol.sentences li[data-code="${EXPECT_UNIT}"]`), sentence);
    const row = page.locator(`table.report tr[data-code="${EXPECT_UNIT}"]`);
    assert.equal(await row.locator('td.cover .figure').first().textContent(), VI.pct(unit.equipmentCoverage));
    assert.equal(await row.locator('td.cover .count').first().textContent(), `${VI.num(equipped)}/${VI.num(unit.staff)}`);
    assert.equal(await row.locator('td.cover .figure').nth(2).textContent(), VI.pct(unit.protectionCoverage));
    assert.equal(await row.locator('td.cover .count').nth(2).textContent(), `${VI.num(unit.protectedMachines)}/${VI.num(unit.workingMachines)}`);
    assert.equal(await row.locator('td.rank').textContent(), `xếp thứ ${VI.num(unit.rank)}/${VI.num(unit.of)}`);
    const units = await apiJson('/units', VIEWER_TOKEN);
    const session = await apiJson('/session', VIEWER_TOKEN);
    assert.deepEqual(await englishLeft(page, [session.name, ...units.flatMap((u) => [u.name, u.code])]), [], 'English words on the Vietnamese report page');
    await shot(page, 'vi-report.png');

    // Its figures as CSV, in the page's language and as of the report's last day.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Số liệu này, tệp CSV' }).click()]);
    assert.equal(download.suggestedFilename(), `digiready-coverage-${district}-${report.asOf}.csv`);
    const file = path.join(SHOTS, '..', 'downloads', `vi-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    assert.ok(csv.startsWith('\ufeffMã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,'), 'Vietnamese headings after the BOM');
    assert.ok(csv.includes('\r\n') && !csv.replace(/\r\n/g, '').includes('\n'), 'CRLF line ends');

    // Printed: A4, no navigation, the table's headings on every page that holds rows, the sentences.
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'vi-report-print.png');
    await page.emulateMedia({ media: null }); // page.pdf() prints with the print stylesheet
    const pdf = path.join(SHOTS, 'vi-report.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    const all = flat(text);
    assert.ok(all.includes(flat(sentence)), `the PDF holds "${sentence}"`);
    for (const r of report.units) assert.ok(all.includes(flat(r.sentence)), `the PDF holds "${r.sentence}"`);
    assert.ok(all.includes(`Báo cáo kỳ: ${quarterName}`));
    for (const word of ['Đăng xuất', 'Tiếng Việt', 'In hoặc lưu thành tệp PDF', 'Xem báo cáo', 'Tải số liệu này']) {
      assert.ok(!all.includes(word), `no "${word}" in the printed report`);
    }
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    console.log(`# the printed report: ${pages.length} A4 page(s)`);
    // Printed twice as large, the table spans pages: each page with rows starts with the headings.
    const large = path.join(SHOTS, 'vi-report-large.pdf');
    await page.pdf({ path: large, format: 'A4', preferCSSPageSize: true, scale: 2 });
    const largePages = execFileSync('pdftotext', ['-enc', 'UTF-8', large, '-'], { encoding: 'utf8' }).normalize('NFC').split('\f');
    // A page holds rows when a coverage cell's "(chưa) đạt chỉ tiêu" is on it (the caption aside).
    const withRows = largePages.filter((p) => flat(p).replace(/Số liệu của mỗi đơn vị tính cả[^.]*\./, '').includes('đạt chỉ tiêu'));
    assert.ok(withRows.length >= 2, `the large table spans pages (${withRows.length})`);
    for (const p of withRows) assert.ok(flat(p).includes('Số cán bộ'), 'the headings repeat on each page of the table');
    console.log(`# printed at scale 2: ${largePages.filter((p) => p.trim()).length} pages, the table on ${withRows.length}`);

    // The year is one click away, and remembered in the address.
    await page.getByRole('link', { name: `Năm ${period.year}`, exact: true }).first().click();
    await page.locator('main h1', { hasText: `Năm ${period.year}` }).waitFor();
    await page.waitForSelector('main[data-ready="report"]');
    assert.equal(new URL(page.url()).hash, `#/report/${district}/${period.year}-01-01/${period.year}-12-31`);
    assert.equal(await page.getAttribute(`a.period[aria-current="true"]`, 'href'), `#/report/${district}/${period.year}-01-01/${period.year}-12-31`);
    check();
  } finally {
    await context.close();
  }
});
