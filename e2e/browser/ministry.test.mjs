// The units page with a ministry's tree (about 10,800 units, no agents) in Debian's Chromium: it
// loads in under a second, shows a level at a time, opens and closes a unit's level, and finds units
// by name (without Vietnamese marks) or code with their path to the root.
//
// Run by e2e/src/test/java/io/digiready/e2e/MinistryTreeBrowserIT.java against a real collector
// loaded through POST /api/v1/units/import; by hand:
//   BASE_URL=http://127.0.0.1:18080 ADMIN_TOKEN=... node --test ministry.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, guardedPage, env } from './browser.mjs';
import { webModule } from './words.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = env('BASE_URL');
const ADMIN_TOKEN = env('ADMIN_TOKEN');
const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(here, '..', 'target', 'screenshots'));
/** The goal of the issue: the units page of a ministry ready within a second of navigation start. */
const LOAD_GOAL_MS = 1000;
const LOADS = 5;

const { fold, OPEN_BUDGET, SEARCH_LIMIT } = await webModule('tree.js');
let browser;
let units;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const answer = await fetch(`${BASE_URL}/api/v1/units`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(answer.status, 200);
  units = await answer.json();
  assert.ok(units.length > 10_000, `the ministry's tree is loaded (${units.length} units)`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const childrenOf = (code) => units.filter((u) => u.parent === code);
const rows = (page) => page.locator('#units-table tbody tr');

async function signedIn() {
  const guarded = await guardedPage(browser, BASE_URL);
  const { page } = guarded;
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('main[data-ready="signin"]');
  await page.getByLabel('Access token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('main[data-ready="units"]');
  return guarded;
}

test('the units page of a ministry is ready within a second and shows the provinces, not 10,000 rows', async () => {
  const { page, context, check } = await signedIn();
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto('about:blank');
    await page.goto(`${BASE_URL}/#/units`);
    await page.waitForSelector('main[data-ready="units"]', { timeout: 30_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('digiready-ready-units')[0].startTime));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`units page, ${units.length} units: navigation start -> ready, ms: ${times.map((t) => t.toFixed(0)).join(', ')} (median ${median.toFixed(0)})`);
  assert.ok(median < LOAD_GOAL_MS, `median load ${median.toFixed(0)} ms, goal under ${LOAD_GOAL_MS} ms`);

  const ministry = units.find((u) => !u.parent);
  const provinces = childrenOf(ministry.code);
  assert.equal(await rows(page).count(), 1 + provinces.length, 'the ministry and its provinces, one level closed below');
  assert.ok(1 + provinces.length <= OPEN_BUDGET);
  const ministryToggle = page.locator(`#units-table tr[data-code="${ministry.code}"] button.toggle`);
  assert.equal(await ministryToggle.getAttribute('aria-expanded'), 'true');
  const first = provinces[0];
  const toggle = page.locator(`#units-table tr[data-code="${first.code}"] button.toggle`);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await toggle.getAttribute('aria-label'), new RegExp(`^Show the ${childrenOf(first.code).length} units below`));
  await page.screenshot({ path: path.join(SHOTS, 'ministry-units.png') });
  check();
  await context.close();
});

test('a province opens to its districts and closes again; the page keeps what was opened', async () => {
  const { page, context, check } = await signedIn();
  const province = units.find((u) => u.kind === 'province' && u.name === 'Tỉnh Đắk Lắk');
  assert.ok(province, 'the generated tree has Tỉnh Đắk Lắk');
  const districts = childrenOf(province.code);
  const before = await rows(page).count();
  const toggle = page.locator(`#units-table tr[data-code="${province.code}"] button.toggle`);

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await rows(page).count(), before + districts.length);
  const shownBelow = await page.$$eval(
    '#units-table tbody tr',
    (trs, code) => {
      const i = trs.findIndex((tr) => tr.dataset.code === code);
      const out = [];
      for (let j = i + 1; j < trs.length && trs[j].classList.contains('depth-2'); j++) out.push(trs[j].dataset.code);
      return out;
    },
    province.code,
  );
  assert.deepEqual([...shownBelow].sort(), districts.map((d) => d.code).sort(), 'the districts sit right under their province');
  assert.equal(await toggle.evaluate((b) => document.activeElement === b), true, 'focus stays on the button');

  await page.goto(`${BASE_URL}/#/units/${encodeURIComponent(districts[0].code)}`);
  await page.waitForSelector('main[data-ready="unit"]');
  await page.goto(`${BASE_URL}/#/units`);
  await page.waitForSelector('main[data-ready="units"]');
  assert.equal(await rows(page).count(), before + districts.length, 'coming back keeps the province open');

  await page.locator(`#units-table tr[data-code="${province.code}"] button.toggle`).click();
  assert.equal(await rows(page).count(), before);
  check();
  await context.close();
});

test('search finds a unit by name without marks or by code, with its path to the root', async () => {
  const { page, context, check } = await signedIn();
  const search = page.getByLabel('Find a unit');

  await search.fill('dak lak');
  const province = units.find((u) => u.name === 'Tỉnh Đắk Lắk');
  const byName = units.filter((u) => fold(u.name).includes('dak lak') || u.code.includes('dak lak'));
  await page.waitForFunction((n) => document.querySelectorAll('#units-table tbody tr').length === n, byName.length);
  assert.ok(await page.locator(`#units-table tr[data-code="${province.code}"]`).isVisible());
  assert.match(await page.locator('.unit-search .found').textContent(), new RegExp(`^${byName.length} units? match`));

  const commune = units.find((u) => u.kind === 'commune' && u.code.startsWith(`${province.code}.`));
  const district = units.find((u) => u.code === commune.parent);
  await search.fill(commune.code.toUpperCase());
  await page.waitForFunction((code) => {
    const trs = document.querySelectorAll('#units-table tbody tr');
    return trs.length >= 1 && trs[0].dataset.code === code;
  }, commune.code);
  const pathText = await page.locator(`#units-table tr[data-code="${commune.code}"] .path`).textContent();
  assert.equal(pathText, ['Bộ Nội vụ', province.name, district.name].join(' › '));

  await search.fill('xa');
  const many = units.filter((u) => fold(u.name).includes('xa') || u.code.includes('xa')).length;
  assert.ok(many > SEARCH_LIMIT);
  await page.waitForFunction((n) => document.querySelectorAll('#units-table tbody tr').length === n, SEARCH_LIMIT);
  assert.match(await page.locator('.unit-search .found').textContent(), /the first 100 are shown/);
  await page.screenshot({ path: path.join(SHOTS, 'ministry-search.png') });

  await search.fill(commune.code);
  await page.waitForFunction((code) => document.querySelectorAll('#units-table tbody tr').length === 1, commune.code);
  await page.locator(`#units-table tr[data-code="${commune.code}"] a`).click();
  await page.waitForSelector('main[data-ready="unit"]');
  const crumbs = await page.locator('nav[aria-label="Breadcrumb"] li').allTextContents();
  assert.ok(crumbs.some((c) => c.includes(district.name)), `breadcrumb ${crumbs.join(' / ')} names ${district.name}`);
  check();
  await context.close();
});
