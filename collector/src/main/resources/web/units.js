// The units page: the tree with each unit's figures, sortable by any column.
import { strings as t, format as f } from './i18n.js';
import { h } from './dom.js';

const EPSILON = 1e-9;

/** Units in tree order (parents before children), each with its depth; siblings in `compare` order. */
export function treeOrder(units, compare) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const children = new Map();
  const roots = [];
  for (const u of units) {
    if (u.parent && byCode.has(u.parent)) {
      if (!children.has(u.parent)) children.set(u.parent, []);
      children.get(u.parent).push(u);
    } else {
      roots.push(u);
    }
  }
  const out = [];
  const walk = (list, depth) => {
    const sorted = compare ? [...list].sort(compare) : list;
    for (const u of sorted) {
      out.push({ unit: u, depth });
      if (depth < 20) walk(children.get(u.code) ?? [], depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** The unit and its ancestors, root first. */
export function ancestry(units, code) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const chain = [];
  for (let u = byCode.get(code); u && chain.length < 20; u = byCode.get(u.parent)) chain.unshift(u);
  return chain;
}

export function equipmentGap(u) {
  if (u.equipmentCoverage === null || u.equipmentCoverage === undefined) return { met: null, text: t.noStaff };
  const missing = Math.ceil(u.equipmentTarget * u.staff - u.equipmentCoverage * u.staff - EPSILON);
  if (u.equipmentCoverage >= u.equipmentTarget - EPSILON || missing <= 0) return { met: true, text: t.targetMet };
  return { met: false, text: t.needsComputers(missing) };
}

export function connectivityGap(u) {
  if (u.connectivityCoverage === null || u.connectivityCoverage === undefined) return { met: null, text: t.noWorking };
  const missing = Math.ceil(u.connectivityTarget * u.workingMachines - u.internetMachines - EPSILON);
  if (u.connectivityCoverage >= u.connectivityTarget - EPSILON || missing <= 0) return { met: true, text: t.targetMet };
  return { met: false, text: t.needsInternet(missing) };
}

export function protectionGap(u) {
  if (u.protectionCoverage === null || u.protectionCoverage === undefined) return { met: null, text: t.noWorking };
  const missing = Math.ceil(u.protectionTarget * u.workingMachines - u.protectedMachines - EPSILON);
  if (u.protectionCoverage >= u.protectionTarget - EPSILON || missing <= 0) return { met: true, text: t.targetMet };
  return { met: false, text: t.needsProtected(missing) };
}

/** Software-ready computers (every required application) against the software target. */
export function softwareGap(u) {
  if (u.softwareCoverage === null || u.softwareCoverage === undefined) {
    return { met: null, text: u.softwareReadyMachines === null || u.softwareReadyMachines === undefined ? t.nothingRequired : t.noWorking };
  }
  const missing = Math.ceil(u.softwareTarget * u.workingMachines - u.softwareReadyMachines - EPSILON);
  if (u.softwareCoverage >= u.softwareTarget - EPSILON || missing <= 0) return { met: true, text: t.targetMet };
  return { met: false, text: t.needsSoftware(missing) };
}

/** The figure, a bar against the target, and the gap in words. */
export function coverageFigure(ratio, target, gap, tag = 'td', extra = {}) {
  const state = gap.met === null ? 'none' : gap.met ? 'met' : 'unmet';
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.max(0, Math.min(1, ratio ?? 0)) * 100}%`;
  const mark = h('span', { class: 'target' });
  mark.style.left = `${Math.max(0, Math.min(1, target ?? 0)) * 100}%`;
  return h(
    tag,
    { class: ['coverage', state], 'data-value': ratio ?? '', ...extra },
    h('span', { class: 'figure' }, f.pct(ratio)),
    gap.met === null ? null : h('span', { class: 'of-target' }, ` ${t.ofTarget(f.pctTarget(target))}`),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, fill, mark),
    h('span', { class: 'gap' }, gap.text),
  );
}

export function rankText(u) {
  return u.rank && u.of ? t.rankOf(u.rank, u.of) : t.noFigure;
}

export function unitLink(u) {
  return h('a', { href: `#/units/${encodeURIComponent(u.code)}` }, h('span', { lang: 'vi', class: 'unit-name' }, u.name));
}

const byNumber = (get) => (a, b) => {
  const x = get(a);
  const y = get(b);
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
  if (y === null || y === undefined) return -1;
  return x - y;
};

const collator = new Intl.Collator('vi');

const COLUMNS = [
  { key: 'unit', label: t.col.unit, compare: (a, b) => collator.compare(a.name, b.name) },
  { key: 'staff', label: t.col.staff, compare: byNumber((u) => u.staff) },
  { key: 'working', label: t.col.working, compare: byNumber((u) => u.workingMachines) },
  { key: 'online', label: t.col.online, compare: byNumber((u) => u.machines?.online) },
  { key: 'equipment', label: t.col.equipment, compare: byNumber((u) => u.equipmentCoverage) },
  { key: 'connectivity', label: t.col.connectivity, compare: byNumber((u) => u.connectivityCoverage) },
  { key: 'compliance', label: t.col.compliance, compare: byNumber((u) => u.compliance) },
  { key: 'protection', label: t.col.protection, compare: byNumber((u) => u.protectionCoverage) },
  { key: 'readiness', label: t.col.readiness, compare: byNumber((u) => u.readinessScore) },
  { key: 'rank', label: t.col.rank, compare: byNumber((u) => u.rank) },
];

// Kept while the tab is open, so that coming back to the list keeps the order.
const sort = { key: null, dir: 'ascending' };

function row({ unit: u, depth }) {
  const name = h('th', { scope: 'row', class: 'unit' }, unitLink(u), h('span', { class: 'code' }, u.code));
  name.style.paddingLeft = `${0.5 + depth * 1.4}em`;
  if (depth > 0) name.classList.add('child');
  return h(
    'tr',
    { 'data-code': u.code, class: `depth-${Math.min(depth, 4)}` },
    name,
    h('td', { class: 'n', 'data-col': 'staff' }, f.num(u.staff)),
    h('td', { class: 'n', 'data-col': 'working' }, f.num(u.workingMachines)),
    h('td', { class: 'n', 'data-col': 'online' }, f.num(u.machines?.online)),
    coverageFigure(u.equipmentCoverage, u.equipmentTarget, equipmentGap(u), 'td', { 'data-col': 'equipment' }),
    coverageFigure(u.connectivityCoverage, u.connectivityTarget, connectivityGap(u), 'td', { 'data-col': 'connectivity' }),
    h('td', { class: 'n', 'data-col': 'compliance', 'data-value': u.compliance ?? '' }, f.pct(u.compliance)),
    coverageFigure(u.protectionCoverage, u.protectionTarget, protectionGap(u), 'td', { 'data-col': 'protection' }),
    h('td', { class: 'n', 'data-col': 'readiness', 'data-value': u.readinessScore ?? '' }, f.pct(u.readinessScore)),
    h('td', { class: 'n rank', 'data-col': 'rank' }, rankText(u)),
  );
}

export async function unitsPage(api) {
  const units = await api('/units');
  if (units.length === 0) {
    return { title: t.unitsTitle, view: [h('h1', { tabindex: '-1' }, t.unitsTitle), h('p', null, t.noUnits)] };
  }
  const tbody = h('tbody');
  const headRow = h('tr');
  const render = () => {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const compare = column ? (a, b) => (sort.dir === 'ascending' ? 1 : -1) * column.compare(a, b) : null;
    const rows = document.createDocumentFragment();
    for (const item of treeOrder(units, compare)) rows.append(row(item));
    tbody.replaceChildren(rows);
    for (const th of headRow.children) {
      if (th.dataset.key === sort.key) th.setAttribute('aria-sort', sort.dir);
      else th.removeAttribute('aria-sort');
    }
  };
  for (const c of COLUMNS) {
    const button = h(
      'button',
      { type: 'button', class: 'sort', title: t.sortBy(c.label) },
      c.label,
      h('span', { class: 'arrow', 'aria-hidden': 'true' }),
    );
    button.addEventListener('click', () => {
      sort.dir = sort.key === c.key && sort.dir === 'ascending' ? 'descending' : 'ascending';
      sort.key = c.key;
      render();
    });
    headRow.append(h('th', { scope: 'col', 'data-key': c.key, class: c.key === 'unit' ? null : 'n' }, button));
  }
  render();

  const top = units.filter((u) => !u.parent || !units.some((p) => p.code === u.parent));
  const working = top.reduce((n, u) => n + (u.workingMachines ?? 0), 0);
  const online = top.reduce((n, u) => n + (u.machines?.online ?? 0), 0);
  return {
    title: t.unitsTitle,
    view: [
      h('h1', { tabindex: '-1' }, t.unitsTitle),
      h('p', { class: 'lead' }, t.unitsSummary(units.length, working, online)),
      h(
        'div',
        { class: 'table-wrap' },
        h('table', { class: 'units', id: 'units-table' }, h('caption', null, t.unitsCaption), h('thead', null, headRow), tbody),
      ),
    ],
  };
}
