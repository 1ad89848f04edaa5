// The district IT technician's day on the status page (issue 32), in Debian's Chromium:
// - a computer with 900 installed packages shows the first 50, a count, and a filter that narrows it;
// - every time on the page is in the unit's time zone, to the second, with the zone said once;
// - each export offers Excel first, then CSV, on the same API path;
// - the unit's staff says which number is its own;
// - an administrator hands an office a sign-in link (token in the URL fragment), the office signs in
//   and is remembered on its computer, and revoking the token sends it back to the sign-in form.
//
// It seeds its own data through the real API (a new top-level unit in Asia/Tokyo, so that its
// times differ from the browser's Asia/Ho_Chi_Minh, with one unit below it and one enrolled
// computer), so it does not change the figures status-page.test.mjs checks. Run by BrowserIT, or:
//   BASE_URL=http://127.0.0.1:18080 ADMIN_TOKEN=... node --test office-day.test.mjs
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
const PACKAGES = 900;
const ZONE = 'Asia/Tokyo';
const { formatter } = await webModule('format.js');
const EN_TEXT = (await webModule('strings.en.js')).strings;
const VI_TEXT = (await webModule('strings.vi.js')).strings;
const EN = formatter('en-GB', { timeZone: ZONE });
const VI = formatter('vi-VN', { timeZone: ZONE });

let browser;
let seeded;

async function call(method, apiPath, token, body) {
  const response = await fetch(`${BASE_URL}/api/v1${apiPath}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function must(method, apiPath, token, body, status = [200, 201]) {
  const r = await call(method, apiPath, token, body);
  assert.ok(status.includes(r.status), `${method} ${apiPath}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/** Names the way a Debian PC lists its packages, plus a few a Vietnamese office has. */
function packageNames(n) {
  const stems = ['libgtk-3-', 'python3-', 'fonts-noto-', 'libreoffice-l10n-', 'gir1.2-', 'libqt5-', 'xserver-xorg-', 'linux-image-'];
  const names = ['ibus-unikey', 'Bộ gõ tiếng Việt', 'VNPT-CA Token Manager'];
  for (let i = 0; names.length < n; i++) names.push(`${stems[i % stems.length]}${String(i).padStart(3, '0')}`);
  return names;
}

function inventory(hostname, software, at) {
  return {
    schemaVersion: 1,
    agentVersion: '0.1.0',
    collectedAt: at,
    hostname,
    system: { manufacturer: 'Dell', model: 'OptiPlex 3080', serialNumber: 'SN-900', hardwareUuid: 'uuid-900' },
    processor: { name: 'Intel Core i5-10500', vendor: 'GenuineIntel', physicalCores: 2, logicalCores: 4, maxFrequencyHz: 3100000000 },
    memory: { totalBytes: 8 * 1024 ** 3, modules: [] },
    disks: [{ model: 'WDC WD10', serialNumber: 'WDC-900', sizeBytes: 1e12 }],
    fileSystems: [{ mount: '/', type: 'ext4', totalBytes: 200 * 1024 ** 3, usableBytes: 52 * 1024 ** 3 }],
    networkInterfaces: [],
    os: { family: 'Debian GNU/Linux', manufacturer: 'Debian', version: '12', build: null, bitness: 64, bootTime: at },
    software,
  };
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  // A new top-level unit each run (the collector may be a long-running one), in another zone.
  const code = `so-tttt-${Date.now().toString(36)}`;
  await must('POST', '/units', ADMIN_TOKEN, { code, name: 'Sở Thông tin và Truyền thông', kind: 'agency', staff: 30, officeHours: { timeZone: ZONE } });
  await must('POST', '/units', ADMIN_TOKEN, { code: `${code}.cntt`, name: 'Trung tâm Công nghệ thông tin', parent: code, kind: 'agency', staff: 55 });
  const { token } = await must('POST', `/units/${code}/enrollment-tokens`, ADMIN_TOKEN, {});
  const hostname = `PC-STTTT-${Date.now().toString(36).toUpperCase()}`;
  const fingerprint = { hardwareUuid: `uuid-${code}`, systemSerial: `sn-${code}`, baseboardSerial: null, macs: ['02:00:00:00:09:00'], osInstallId: `os-${code}` };
  const enrolled = await must('POST', '/enroll', token, { enrollmentToken: token, hostname, fingerprint });
  const names = packageNames(PACKAGES);
  const software = names.map((name, i) => ({ name, version: `1.${i}`, vendor: 'Debian', installDate: null }));
  const at = new Date().toISOString();
  await must('POST', '/inventory', enrolled.agentToken, { machineId: enrolled.machineId, inventory: inventory(hostname, software, at) });
  const probe = { target: 'https://dichvucong.gov.vn', kind: 'http', internet: true, ok: true, latencyMillis: 85, error: null, detail: null };
  await must('POST', '/heartbeats', enrolled.agentToken, {
    heartbeats: [{ machineId: enrolled.machineId, seq: 1, agentTime: at, uptimeSeconds: 3600, probes: [probe], internetUp: true, memoryUsedBytes: 3.1e9, systemDiskFreeBytes: 52 * 1024 ** 3, systemDiskTotalBytes: 200 * 1024 ** 3 }],
  });
  seeded = { code, hostname, machineId: enrolled.machineId, names };
});

after(async () => {
  await browser?.close();
});

async function signIn(page, token, locale = 'en') {
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('main[data-ready="signin"]');
  await page.getByLabel(locale === 'vi' ? 'Mã truy cập' : 'Access token').fill(token);
  await page.getByRole('button', { name: locale === 'vi' ? 'Đăng nhập' : 'Sign in' }).click();
  await page.waitForSelector('main[data-ready="units"]');
}

/** Every <time> on the page shows its instant in `fmt`'s zone, to the second. */
async function assertTimesIn(page, fmt) {
  const times = await page.$$eval('main time', (els) => els.map((e) => [e.getAttribute('datetime'), e.textContent]));
  assert.ok(times.length > 0, 'the page shows times');
  for (const [iso, text] of times) assert.ok(text.startsWith(fmt.dateTime(iso)), `"${text}" shows ${iso} as ${fmt.dateTime(iso)}`);
  return times.length;
}

const matching = (query) => seeded.names.filter((n) => n.normalize('NFC').toLowerCase().includes(query.normalize('NFC').toLowerCase()));

test('a computer with 900 packages: the first 50, a count, a filter; its times in the unit zone', { timeout: 120_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL);
  try {
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${BASE_URL}/#/machines/${seeded.machineId}`);
    await page.waitForSelector('main[data-ready="machine"]');
    const software = page.locator('#software');
    const rows = software.locator('table.software tbody tr');

    // The first 50 in name order, as the API's first page, and the count.
    const first = await must('GET', `/machines/${seeded.machineId}/software`, ADMIN_TOKEN);
    assert.equal(first.total, PACKAGES);
    assert.equal(await rows.count(), 50);
    assert.deepEqual(await rows.locator('td:first-child').allTextContents(), first.software.map((a) => a.name));
    assert.equal(await page.textContent('#software-count'), EN_TEXT.softwareShown(50, PACKAGES));
    assert.equal(await software.locator('caption').textContent(), EN_TEXT.softwareCount(PACKAGES, EN.dateTime(first.reportedAt)));
    assert.equal(await page.textContent('#software-more'), 'Show 50 more');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# the machine page with ${PACKAGES} packages is ${height} px tall`);
    assert.ok(height < 9000, `the page stays short (${height} px)`);

    // Fifty more on request.
    await page.click('#software-more');
    await page.waitForSelector('#software[data-shown="100"]');
    assert.equal(await rows.count(), 100);
    assert.equal(await page.textContent('#software-count'), EN_TEXT.softwareShown(100, PACKAGES));

    // The filter narrows it, ignoring case: typed in capitals, asked of the API.
    await page.getByLabel('Filter by application name').fill('PYTHON3');
    await page.waitForSelector('#software[data-query="PYTHON3"][data-shown]');
    const python = matching('python3');
    assert.ok(python.length > 50, 'more matches than one page');
    assert.equal(await rows.count(), 50);
    assert.equal(await page.textContent('#software-count'), EN_TEXT.softwareMatched(python.length, PACKAGES, 'PYTHON3', 50));
    for (const name of await rows.locator('td:first-child').allTextContents()) assert.match(name, /^python3-/);
    await page.getByLabel('Filter by application name').fill('bộ gõ');
    await page.waitForSelector('#software[data-query="bộ gõ"][data-shown]');
    assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['Bộ gõ tiếng Việt']);
    assert.equal(await page.locator('#software-more').isVisible(), false);
    await page.getByLabel('Filter by application name').fill('photoshop');
    await page.waitForSelector('#software[data-query="photoshop"][data-shown="0"]');
    assert.equal(await page.textContent('#software-count'), EN_TEXT.softwareNoMatch('photoshop'));
    await page.getByLabel('Filter by application name').fill('');
    await page.waitForSelector('#software[data-query=""][data-shown="50"]');

    // Times: the unit's zone (not the browser's Asia/Ho_Chi_Minh), to the second, said once.
    assert.equal(await page.textContent('main .zone-note'), EN_TEXT.timesInZone(ZONE));
    assert.equal(await page.locator('main .zone-note').count(), 1);
    const n = await assertTimesIn(page, EN);
    console.log(`# ${n} times on the machine page, all in ${ZONE}`);
    check();
  } finally {
    await context.close();
  }
});

test('the same computer in Vietnamese, screenshot of the page with 900 packages', { timeout: 120_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL, { locale: 'vi-VN' });
  try {
    await signIn(page, ADMIN_TOKEN, 'vi');
    await page.goto(`${BASE_URL}/#/machines/${seeded.machineId}`);
    await page.waitForSelector('main[data-ready="machine"]');
    assert.equal(await page.textContent('#software-count'), VI_TEXT.softwareShown(50, PACKAGES));
    assert.equal(await page.textContent('#software-count'), 'Đang hiện 50/900 phần mềm.');
    assert.equal(await page.textContent('main .zone-note'), `Thời gian trên trang này theo giờ ${ZONE}.`);
    await assertTimesIn(page, VI);
    const seen = await page.locator('#overview time').first().textContent();
    assert.match(seen, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(/);
    // Events in the page's language, said by the collector: no English sentence left in them.
    const events = await page.textContent('#events');
    assert.ok(events.includes(`đăng ký với tên máy ${seeded.hostname}`), events);
    assert.ok(events.includes('đã nhận danh sách phần mềm: 900 ứng dụng'), events);
    assert.equal(await page.locator('#events [lang="en"]').count(), 0, 'no event shown in English');
    await page.screenshot({ path: path.join(SHOTS, 'vi-machine-900.png'), fullPage: true });
    await page.getByLabel('Lọc theo tên phần mềm').fill('UNIKEY');
    await page.waitForSelector('#software[data-query="UNIKEY"][data-shown="1"]');
    assert.equal(await page.textContent('#software-count'), VI_TEXT.softwareMatched(1, PACKAGES, 'UNIKEY', 1));
    await page.locator('#software').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'vi-machine-900-filtered.png') });
    check();
  } finally {
    await context.close();
  }
});

test("the unit page: staff says its own number, exports offer Excel then CSV, times in the unit's zone", { timeout: 120_000 }, async () => {
  const { page, context, check } = await guardedPage(browser, BASE_URL);
  try {
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${BASE_URL}/#/units/${seeded.code}`);
    await page.waitForSelector('main[data-ready="unit"]');
    const unit = await must('GET', `/units/${seeded.code}`, ADMIN_TOKEN);
    assert.equal(unit.staff, 85);
    assert.equal(unit.ownStaff, 30);
    assert.equal(await page.textContent('#figures [data-col="staff"]'), "85 (units below included; this unit's own staff: 30)");
    assert.equal(await page.textContent('#staff-hint'), EN_TEXT.staffHint);

    for (const report of ['coverage', 'machines']) {
      const buttons = page.locator(`#exports .export[data-report="${report}"] button`);
      assert.deepEqual(await buttons.allTextContents(), ['Excel', 'CSV'], `${report}: Excel first`);
      const csv = `/reports/${report}.csv?unit=${seeded.code}&lang=en`;
      assert.deepEqual(await buttons.evaluateAll((bs) => bs.map((b) => [b.dataset.format, b.dataset.path])), [['xlsx', `${csv}&format=xlsx`], ['csv', csv]]);
    }
    // The CSV one downloads what its path says.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Computers list as CSV' }).click()]);
    const file = path.join(SHOTS, '..', 'downloads', `office-day-${download.suggestedFilename()}`);
    await download.saveAs(file);
    assert.ok(fs.readFileSync(file, 'utf8').includes(seeded.hostname), 'the computers list holds the seeded PC');
    // And the Excel one downloads a workbook (a zip: "PK") named .xlsx.
    const [excel] = await Promise.all([page.waitForEvent('download'), page.locator('#exports .export[data-report="machines"] button[data-format="xlsx"]').click()]);
    assert.match(excel.suggestedFilename(), /\.xlsx$/);
    const workbook = path.join(SHOTS, '..', 'downloads', `office-day-${excel.suggestedFilename()}`);
    await excel.saveAs(workbook);
    assert.equal(fs.readFileSync(workbook).subarray(0, 2).toString('latin1'), 'PK');

    assert.equal(await page.textContent('main .zone-note'), EN_TEXT.timesInZone(ZONE));
    await assertTimesIn(page, EN);
    // The chart's days start at the unit's midnight.
    await page.waitForSelector('#availability[data-chart-days="7"] svg.chart');
    const days = await page.$$eval('#availability text[data-day]', (els) => els.map((e) => [e.dataset.day, e.textContent]));
    assert.ok(days.length >= 6, `a label a day (${days.length})`);
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const [iso, label] of days) {
      assert.equal(clock.format(new Date(iso)), '00:00', `${iso} is midnight in ${ZONE}`);
      assert.equal(label, EN.dayLabel(iso));
    }
    check();
  } finally {
    await context.close();
  }
});

test('an office signs in with a link, is remembered on its computer, and a revoked token signs it out', { timeout: 150_000 }, async () => {
  // The 401s of the revoked token are the console messages Chromium logs by itself.
  const admin = await guardedPage(browser, BASE_URL);
  const office = await guardedPage(browser, BASE_URL, { allowConsole: [/status of 401/] });
  const sent = [];
  office.context.on('request', (r) => sent.push(`${r.url()} ${JSON.stringify(r.headers())}`));
  try {
    // The administrator makes a token; the page shows the link with the token after #.
    await signIn(admin.page, ADMIN_TOKEN);
    await admin.page.goto(`${BASE_URL}/#/tokens`);
    await admin.page.waitForSelector('main[data-ready="tokens"]');
    const name = 'Xã Phú Lộc — máy văn thư';
    await admin.page.getByLabel('Who the token is for').fill(name);
    await admin.page.getByRole('button', { name: 'Create viewer token' }).click();
    const secret = (await admin.page.locator('#new-token').textContent()).trim();
    const link = (await admin.page.locator('#signin-link').textContent()).trim();
    assert.equal(link, `${BASE_URL}/#token=${encodeURIComponent(secret)}`);
    assert.match(await admin.page.textContent('.fresh-token'), /never sends it to the server/);
    assert.ok(await admin.page.getByRole('button', { name: 'Copy link' }).isVisible());
    await admin.page.screenshot({ path: path.join(SHOTS, 'viewer-token-link.png'), fullPage: true });

    // The office opens the link: the token is out of the address at once, filled in the form.
    await office.page.goto(link);
    await office.page.waitForSelector('main[data-ready="signin"]');
    assert.equal(new URL(office.page.url()).hash, '', 'the token left the address bar');
    assert.equal(await office.page.inputValue('#token'), secret);
    assert.equal(await office.page.textContent('main .notice'), EN_TEXT.linkSignIn);
    await office.page.getByLabel('Remember on this computer').check();
    await office.page.screenshot({ path: path.join(SHOTS, 'signin-from-link.png'), fullPage: false });
    await office.page.getByRole('button', { name: 'Sign in' }).click();
    await office.page.waitForSelector('main[data-ready="units"]');
    assert.equal(new URL(office.page.url()).hash, '#/units');
    assert.equal(await office.page.evaluate(() => localStorage.getItem('digiready.token')), secret);
    assert.equal(await office.page.evaluate(() => sessionStorage.getItem('digiready.token')), null);
    assert.match(await office.page.textContent('#who'), /read only/);

    // The token went to the server only in the Authorization header, never in an address.
    const inUrl = sent.filter((s) => s.split(' ')[0].includes(secret) || s.split(' ')[0].includes(encodeURIComponent(secret)));
    assert.deepEqual(inUrl, [], 'no request address holds the token');
    assert.ok(sent.some((s) => s.includes(`Bearer ${secret}`)), 'the token went as a bearer header');

    // Remembered: a new tab of the same browser profile, and a reload, open signed in.
    const again = await office.context.newPage();
    await again.goto(`${BASE_URL}/`);
    await again.waitForSelector('main[data-ready="units"]');
    await again.reload();
    await again.waitForSelector('main[data-ready="units"]');

    // Revoked by the administrator: the office's next page is the sign-in form, with why.
    const row = admin.page.locator('table.tokens tbody tr', { hasText: name });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await admin.page.locator('table.tokens tbody tr', { hasText: name }).filter({ hasText: 'revoked' }).waitFor();
    await again.goto(`${BASE_URL}/#/units/${seeded.code}`);
    await again.waitForSelector('main[data-ready="signin"]');
    assert.equal(await again.textContent('main .notice'), EN_TEXT.sessionEnded);
    assert.equal(await again.evaluate(() => localStorage.getItem('digiready.token')), null);
    await again.screenshot({ path: path.join(SHOTS, 'signin-revoked.png'), fullPage: false });
    await again.reload();
    await again.waitForSelector('main[data-ready="signin"]');

    // Not ticked: kept for the tab only, so a new tab asks again.
    const second = await must('POST', '/viewer-tokens', ADMIN_TOKEN, { name: 'Phòng Nội vụ — một lần' });
    const tab = await office.context.newPage();
    await tab.goto(`${BASE_URL}/#token=${encodeURIComponent(second.token)}`);
    await tab.waitForSelector('main[data-ready="signin"]');
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForSelector('main[data-ready="units"]');
    assert.equal(await tab.evaluate(() => sessionStorage.getItem('digiready.token')), second.token);
    assert.equal(await tab.evaluate(() => localStorage.getItem('digiready.token')), null);
    const other = await office.context.newPage();
    await other.goto(`${BASE_URL}/`);
    await other.waitForSelector('main[data-ready="signin"]');
    await must('DELETE', `/viewer-tokens/${encodeURIComponent(second.id)}`, ADMIN_TOKEN, undefined, [200, 204]);
    admin.check();
    office.check();
  } finally {
    await admin.context.close();
    await office.context.close();
  }
});
