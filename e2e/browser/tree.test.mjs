// The units page's tree walk without a browser: what opens by itself, what a closed unit hides,
// and search without Vietnamese marks.
//   node --test tree.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webModule } from './words.mjs';

const { treeIndex, treeOrder, firstOpened, fold, search, ancestry } = await webModule('tree.js');

/** A root with `a` children, each with `b` children. */
function tree(a, b) {
  const units = [{ code: 'root', name: 'Bộ', parent: null }];
  for (let i = 0; i < a; i++) {
    units.push({ code: `p${i}`, name: `Tỉnh ${i}`, parent: 'root' });
    for (let j = 0; j < b; j++) units.push({ code: `p${i}.c${j}`, name: `Xã Phú Lộc ${i}-${j}`, parent: `p${i}` });
  }
  return units;
}

test('a small tree opens completely: every unit is listed under its parent', () => {
  const units = tree(3, 4);
  const index = treeIndex(units);
  const open = firstOpened(index);
  const rows = treeOrder(units, null, (c) => open.has(c), index);
  assert.equal(rows.length, units.length);
  assert.deepEqual(rows.slice(0, 3).map((r) => [r.unit.code, r.depth, r.below]), [['root', 0, 3], ['p0', 1, 4], ['p0.c0', 2, 0]]);
});

test('a level opens only when all its rows fit the budget', () => {
  const units = tree(63, 160);
  const index = treeIndex(units);
  const open = firstOpened(index, 200);
  assert.deepEqual([...open], ['root'], '63 provinces fit, their 10,080 communes do not');
  const rows = treeOrder(units, null, (c) => open.has(c), index);
  assert.equal(rows.length, 64);
  assert.equal(firstOpened(index, 64).size, 1);
  assert.equal(firstOpened(index, 63).size, 0, 'not even the provinces fit 63 rows with their root');
});

test('opening one unit lists its children right under it, in the order asked', () => {
  const units = tree(3, 3);
  const index = treeIndex(units);
  const byCodeDesc = (x, y) => y.code.localeCompare(x.code);
  const rows = treeOrder(units, byCodeDesc, (c) => c === 'root' || c === 'p1', index);
  assert.deepEqual(rows.map((r) => r.unit.code), ['root', 'p2', 'p1', 'p1.c2', 'p1.c1', 'p1.c0', 'p0']);
});

test('search ignores case and Vietnamese marks, matches codes, and keeps the order given', () => {
  assert.equal(fold('Tỉnh ĐẮK LẮK'), 'tinh dak lak');
  assert.equal(fold('Phú Lộc'), fold('Phu Loc'));
  assert.equal(fold('Phú Lộc'.normalize('NFD')), 'phu loc');
  const units = tree(2, 2);
  assert.deepEqual(search(units, '  phu loc 1-').map((u) => u.code), ['p1.c0', 'p1.c1']);
  assert.deepEqual(search(units, 'P0.C1').map((u) => u.code), ['p0.c1']);
  assert.deepEqual(search(units, 'nothing'), []);
});

test('ancestry gives the path from the root, and stops on a cycle', () => {
  const units = tree(2, 2);
  assert.deepEqual(ancestry(units, 'p1.c0').map((u) => u.code), ['root', 'p1', 'p1.c0']);
  const cycle = [{ code: 'a', parent: 'b' }, { code: 'b', parent: 'a' }];
  assert.ok(ancestry(cycle, 'a').length <= 20);
});
