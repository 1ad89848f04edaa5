// Page-load benchmark of the status page: a real collector, a simulated district of 1,000 PCs, and
// Debian's Chromium headless. Prints, for the units page, the district's page (its first 100 computers and their total)
// and one computer's page, the median and the maximum of 5 loads, from navigation start to the
// page's ready mark (set when rendering is done). No assertion on time.
//
//   mvn -B -q -DskipTests package          # the jars, once
//   cd e2e/browser && npm ci && node bench.mjs [--machines 1000] [--loads 5] [--port 18500]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch, guardedPage } from './browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    machines: { type: 'string', default: '1000' },
    loads: { type: 'string', default: '5' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '18500' },
  },
});
const machines = Number(opts.machines);
const loads = Number(opts.loads);
const base = `http://127.0.0.1:${opts.port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiready-bench-'));
const jar = (module) => {
  const file = path.join(repo, module, 'target', `digiready-${module}.jar`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run mvn -B -q -DskipTests package first`);
  return file;
};

function run(args, log) {
  const out = fs.openSync(log, 'a');
  return spawn('java', args, { stdio: ['ignore', out, out] });
}

async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const collector = run(
  ['-Xmx512m', '-jar', jar('collector'), 'serve', '--port', opts.port, '--bind-address', '127.0.0.1',
    '--data-dir', dataDir, '--heartbeat-interval-seconds', '5'],
  path.join(dataDir, 'collector.log'),
);
let simulator;
let browser;
try {
  await until('the collector', 60, async () => (await fetch(`${base}/health/ready`)).ok);
  const admin = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  const get = async (p) => (await fetch(`${base}/api/v1${p}`, { headers: { Authorization: `Bearer ${admin}` } })).json();

  const simLog = path.join(dataDir, 'simulator.log');
  const started = Date.now();
  simulator = run(
    ['-jar', jar('simulator'), 'district', '--collector', base, '--admin-token-file', path.join(dataDir, 'admin-token'),
      '--units', path.join(repo, 'install/demo/units.csv'), '--machines', String(machines), '--keep-beating'],
    simLog,
  );
  await until('the simulated district', 600, async () => fs.readFileSync(simLog, 'utf8').includes('district:'));
  const district = 'krong-nang';
  const list = await get(`/machines?unit=${district}`);
  if (!Array.isArray(list)) throw new Error(`GET /machines?unit=${district}: ${JSON.stringify(list)}`);
  console.log(`fed ${list.length} machines in ${((Date.now() - started) / 1000).toFixed(1)} s (simulator district --machines ${machines})`);
  const machine = list[0].machineId;

  browser = await launch();
  const { page, context, check } = await guardedPage(browser, base);
  await page.goto(`${base}/`);
  await page.waitForSelector('main[data-ready="signin"]');
  await page.fill('#token', admin);
  await page.click('button[type=submit]');
  await page.waitForSelector('main[data-ready="units"]');

  const pages = [
    ['units page', '#/units', 'units'],
    [`unit page ${district} (${list.length} computers)`, `#/units/${district}`, 'unit'],
    ['machine page', `#/machines/${encodeURIComponent(machine)}`, 'machine'],
  ];
  console.log(`\n${loads} loads each, navigation start -> ready mark, ms (Chromium ${browser.version()}, headless)`);
  for (const [label, hash, ready] of pages) {
    const times = [];
    const apis = [];
    for (let i = 0; i < loads; i++) {
      await page.goto('about:blank');
      await page.goto(`${base}/${hash}`);
      await page.waitForSelector(`main[data-ready="${ready}"]`, { timeout: 30_000 });
      const [at, api] = await page.evaluate((name) => [
        performance.getEntriesByName(name)[0].startTime,
        Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/')).map((e) => e.responseEnd)),
      ], `digiready-ready-${ready}`);
      times.push(at);
      apis.push(api);
    }
    const rows = await page.locator('tbody tr').count();
    console.log(
      `${label.padEnd(40)} median ${median(times).toFixed(0).padStart(5)}  max ${Math.max(...times).toFixed(0).padStart(5)}` +
        `   (last API answer in, median ${median(apis).toFixed(0)}; ${rows} table rows; all: ${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  }
  check();
  await context.close();
} finally {
  await browser?.close();
  simulator?.kill();
  collector.kill();
  await new Promise((r) => collector.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
