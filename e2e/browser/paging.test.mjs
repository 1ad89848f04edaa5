// The unit page's paging (collector/src/main/resources/web/paging.js) in Node, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webModule } from './words.mjs';

const { machinesPath, pager, MACHINES_PAGE, PROBLEMS_PAGE } = await webModule('paging.js');

test('the path asks for a bounded page with the filters and the cursor', () => {
  assert.equal(machinesPath('dak-lak.krong-nang'), `/machines?unit=dak-lak.krong-nang&limit=${MACHINES_PAGE}`);
  assert.equal(
    machinesPath('a b&c', { state: 'offline' }, PROBLEMS_PAGE, 'YWZ0ZXI6NTA'),
    `/machines?unit=a+b%26c&state=offline&limit=${PROBLEMS_PAGE}&cursor=YWZ0ZXI6NTA`,
  );
  assert.equal(machinesPath('x', { failing: true }, 5), '/machines?unit=x&failing=true&limit=5');
  assert.ok(MACHINES_PAGE <= 1000 && PROBLEMS_PAGE <= 1000, 'within the API maximum');
});

/** A fake API over `all`: pages of `size` keyed by offset cursors, like the collector's. */
function fakeApi(all, size) {
  const calls = [];
  const page = (cursor) => {
    calls.push(cursor);
    const from = cursor === null ? 0 : Number(cursor);
    const to = Math.min(all.length, from + size);
    return { total: all.length, machines: all.slice(from, to), nextCursor: to < all.length ? String(to) : null };
  };
  return { page, calls };
}

test('more() walks every page once and stops at the last', async () => {
  const all = Array.from({ length: 23 }, (_, i) => ({ machineId: `m-${i}` }));
  const api = fakeApi(all, 10);
  const p = pager(api.page(null), async (c) => api.page(c));
  assert.equal(p.loaded.length, 10);
  assert.equal(p.remaining, 13);
  assert.equal((await p.more()).length, 10);
  assert.equal((await p.more()).length, 3);
  assert.ok(p.done);
  assert.equal(p.remaining, 0);
  assert.deepEqual(await p.more(), []);
  assert.deepEqual(p.loaded.map((m) => m.machineId), all.map((m) => m.machineId));
  assert.deepEqual(api.calls, [null, '10', '20']);
});

test('a machine seen twice across pages is shown once and the newest total is kept', async () => {
  const first = { total: 3, machines: [{ machineId: 'a' }, { machineId: 'b' }], nextCursor: 'n' };
  const p = pager(first, async () => ({ total: 4, machines: [{ machineId: 'b' }, { machineId: 'c' }], nextCursor: null }));
  assert.deepEqual((await p.more()).map((m) => m.machineId), ['c']);
  assert.equal(p.total, 4);
  assert.equal(p.loaded.length, 3);
  assert.ok(p.done);
});
