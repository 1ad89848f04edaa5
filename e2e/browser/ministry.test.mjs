// The units page with a ministry's tree (about 10,800 units) in Debian's Chromium: it loads in under
// a second, shows a level at a time, opens and closes a unit's level, and finds units by name
// (without Vietnamese marks) or code with their path to the root. The unit page of the ministry and
// of a commune, with a few thousand computers enrolled by the simulator, is ready in under a second
// too, showing a page of computers with their total and "more", never the whole list.
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
const { MACHINES_PAGE, PROBLEMS_PAGE } = await webModule('paging.js');
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

async function api(path) {
  const answer = await fetch(`${BASE_URL}/api/v1${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(answer.status, 200, `GET ${path}`);
  return answer.json();
}

/** Navigation start -> unit page ready, `LOADS` times from a blank page; the median and all. */
async function unitLoads(page, code) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto('about:blank');
    await page.goto(`${BASE_URL}/#/units/${encodeURIComponent(code)}`);
    await page.waitForSelector('main[data-ready="unit"]', { timeout: 30_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('digiready-ready-unit')[0].startTime));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], times };
}

/** What the page shows of one list (table.machines, table.offline, table.failing) against the API's total. */
async function assertBounded(page, cls, total, size) {
  if (total === 0) {
    assert.equal(await page.locator(`table.${cls}`).count(), 0, `no ${cls} table when the API counts none`);
    return;
  }
  const shown = Math.min(total, size);
  const table = page.locator(`table.${cls}`);
  assert.equal(await table.getAttribute('data-total'), String(total), `${cls}: the total is the API's`);
  assert.equal(await table.getAttribute('data-shown'), String(shown), `${cls}: one page shown`);
  const more = page.locator(`.paging[data-list="${cls}"]`);
  assert.equal(await more.isVisible(), total > size, `${cls}: "more" only when there is more`);
  if (cls === 'machines') assert.equal(await page.locator('table.machines tbody tr').count(), shown);
}

test('the unit page of the ministry and of a commune is ready within a second with a page of their computers', async () => {
  const { page, context, check } = await signedIn();
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v1/')) asked.push(url.pathname + url.search);
  });
  const ministry = units.find((u) => !u.parent);
  const communes = units.filter((u) => u.kind === 'commune');
  let commune = null;
  for (const c of [...communes].sort((a, b) => b.staff - a.staff).slice(0, 20)) {
    if ((await api(`/machines?unit=${encodeURIComponent(c.code)}&limit=1`)).total > 0) {
      commune = c;
      break;
    }
  }
  assert.ok(commune, 'one of the largest communes has computers');

  for (const unit of [ministry, commune]) {
    const q = `unit=${encodeURIComponent(unit.code)}`;
    const all = await api(`/machines?${q}&limit=${MACHINES_PAGE}`);
    const offline = (await api(`/machines?${q}&state=offline&limit=1`)).total;
    const failing = (await api(`/machines?${q}&failing=true&limit=1`)).total;
    asked.length = 0;
    const { median, times } = await unitLoads(page, unit.code);
    console.log(
      `unit page ${unit.code} (${all.total} computers, ${offline} offline, ${failing} failing): navigation start -> ready, ms: ${times.map((t) => t.toFixed(0)).join(', ')} (median ${median.toFixed(0)})`,
    );
    const calls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/api/v1/'))
        .map((e) => `${new URL(e.name).pathname}${new URL(e.name).search} ${e.duration.toFixed(0)} ms`),
    );
    console.log(`  its API calls on the last load: ${calls.join('; ')}`);
    assert.ok(median < LOAD_GOAL_MS, `${unit.code}: median load ${median.toFixed(0)} ms, goal under ${LOAD_GOAL_MS} ms`);
    assert.ok(!asked.includes('/api/v1/units'), `the unit page does not read the whole tree: ${asked.join(' ')}`);
    for (const path of asked.filter((a) => a.startsWith('/api/v1/machines'))) {
      assert.match(path, /[?&]limit=\d+/, `every list of computers is a page: ${path}`);
    }
    assert.deepEqual(
      await page.$$eval('table.machines tbody tr', (trs) => trs.map((tr) => tr.dataset.machine)),
      all.machines.map((m) => m.machineId),
      'the first page, in the API\'s order',
    );
    await assertBounded(page, 'machines', all.total, MACHINES_PAGE);
    await assertBounded(page, 'offline', offline, PROBLEMS_PAGE);
    await assertBounded(page, 'failing', failing, PROBLEMS_PAGE);
  }

  // The commune's path to the root, from its own answer.
  const district = units.find((u) => u.code === commune.parent);
  const province = units.find((u) => u.code === district.parent);
  const crumbs = await page.locator('nav[aria-label="Breadcrumb"] li').allTextContents();
  assert.deepEqual(crumbs, ['Units', ministry.name, province.name, district.name]);

  // The ministry: its provinces, and "more" adds the next page of computers in order.
  await page.goto(`${BASE_URL}/#/units/${encodeURIComponent(ministry.code)}`);
  await page.waitForSelector('main[data-ready="unit"]');
  assert.equal(await page.locator('table.children tbody tr').count(), childrenOf(ministry.code).length);
  const first = await api(`/machines?unit=${encodeURIComponent(ministry.code)}&limit=${MACHINES_PAGE}`);
  assert.ok(first.total > MACHINES_PAGE, `the ministry has more than a page of computers (${first.total})`);
  const second = await api(`/machines?unit=${encodeURIComponent(ministry.code)}&limit=${MACHINES_PAGE}&cursor=${first.nextCursor}`);
  await page.locator('.paging[data-list="machines"] button.more').click();
  const both = Math.min(first.total, 2 * MACHINES_PAGE);
  await page.waitForFunction((n) => document.querySelectorAll('table.machines tbody tr').length === n, both);
  assert.deepEqual(
    await page.$$eval('table.machines tbody tr', (trs) => trs.map((tr) => tr.dataset.machine)),
    [...first.machines, ...second.machines].map((m) => m.machineId),
  );
  assert.equal(await page.locator('table.machines').getAttribute('data-shown'), String(both));
  await page.screenshot({ path: path.join(SHOTS, 'ministry-unit.png') });
  check();
  await context.close();
});
