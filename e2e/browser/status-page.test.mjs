// The collector's status page in Debian's Chromium, driven headless by playwright-core.
//
// Run by e2e/src/test/java/io/digiready/e2e/BrowserTest.java against a real collector; by hand:
//   BASE_URL=http://127.0.0.1:18080 ADMIN_TOKEN=... VIEWER_TOKEN=... EXPECT_UNIT=krong-nang.phu-loc \
//   EXPECT_UNIT_NAME='Xã Phú Lộc' EXPECT_EQUIPMENT=0.4583 node --test status-page.test.mjs
//
// Every test fails on a request to any host other than the collector, on a console error and on an
// uncaught page error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, guardedPage, env } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = env('BASE_URL');
const ADMIN_TOKEN = env('ADMIN_TOKEN');
const VIEWER_TOKEN = env('VIEWER_TOKEN');
const EXPECT_UNIT = env('EXPECT_UNIT');
const EXPECT_UNIT_NAME = env('EXPECT_UNIT_NAME');
const EXPECT_EQUIPMENT = Number(env('EXPECT_EQUIPMENT'));
const EXPECT_MACHINES = process.env.EXPECT_MACHINES ? Number(process.env.EXPECT_MACHINES) : null;
const EXPECT_QUOTED_UNIT = process.env.EXPECT_QUOTED_UNIT ?? null;
const EXPECT_QUOTED_NAME = process.env.EXPECT_QUOTED_NAME ?? null;
const EXPECT_DISTRICT = process.env.EXPECT_DISTRICT ?? null;
const EXPECT_DISTRICT_OFFLINE = Number(process.env.EXPECT_DISTRICT_OFFLINE ?? 0);
const EXPECT_DISTRICT_MACHINES = Number(process.env.EXPECT_DISTRICT_MACHINES ?? 0);
const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(here, '..', 'target', 'screenshots'));
const LOCALE = 'en-US';
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

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
    if (EXPECT_MACHINES !== null) assert.equal(await machineRows.count(), EXPECT_MACHINES);
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
    await shot(page, 'unit-detail.png');

    // The coverage report through the button: a file named by the server, starting with the BOM.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download coverage CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /coverage.*\.csv$/);
    const file = path.join(SHOTS, '..', 'downloads', download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'coverage.csv starts with the UTF-8 BOM');
    assert.ok(bytes.toString('utf8').includes(EXPECT_UNIT_NAME), 'the CSV holds the Vietnamese name');
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
    assert.ok((await page.locator('#checks table.checks tbody tr').count()) >= 5, 'the five readiness checks');
    assert.match(await page.textContent('#checks table.checks'), /Memory.*(pass|fail)/s);
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
      assert.equal(await page.locator('#offline table.offline tbody tr').count(), EXPECT_DISTRICT_OFFLINE);
      if (EXPECT_DISTRICT_OFFLINE > 0) assert.match(await page.textContent('#offline'), /working but not reporting/);
      assert.equal(await page.locator('table.machines tbody tr').count(), EXPECT_DISTRICT_MACHINES);
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
