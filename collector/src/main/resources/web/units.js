// The units page: the tree with each unit's figures, sortable by any column, opened a level at a time
// and searchable by name or code, so a ministry's 10,000 units stay as quick as a district's 15.
import { strings as t, format as f } from './i18n.js';
import { h } from './dom.js';
import { treeIndex, treeOrder, firstOpened, search, ancestry, SEARCH_LIMIT } from './tree.js';

export { ancestry };

const EPSILON = 1e-9;

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

/** The button that opens or closes the units below `u`; a blank of the same width for a leaf. */
function toggle(u, below, open, onToggle) {
  if (below === 0) return h('span', { class: 'toggle leaf', 'aria-hidden': 'true' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'toggle',
      'aria-expanded': open ? 'true' : 'false',
      'aria-label': open ? t.hideUnitsBelow(u.name) : t.showUnitsBelow(u.name, below),
      title: open ? t.hideUnitsBelow(u.name) : t.showUnitsBelow(u.name, below),
    },
    open ? '▾' : '▸',
  );
  button.addEventListener('click', () => onToggle(u.code));
  return button;
}

/** A search result's place in the tree: its ancestors' names, root first. */
function pathLine(chain) {
  if (chain.length === 0) return null;
  return h('span', { class: 'path', lang: 'vi' }, chain.map((a) => a.name).join(' › '));
}

function row({ unit: u, depth, below, open, path }, onToggle) {
  const name = h(
    'th',
    { scope: 'row', class: 'unit' },
    path ? null : toggle(u, below, open, onToggle),
    unitLink(u),
    h('span', { class: 'code' }, u.code),
    path ? pathLine(path) : null,
  );
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

// Which units are open, kept like the order while the tab is open; null until the list is first shown.
let opened = null;

export async function unitsPage(api) {
  const units = await api('/units');
  if (units.length === 0) {
    return { title: t.unitsTitle, view: [h('h1', { tabindex: '-1' }, t.unitsTitle), h('p', null, t.noUnits)] };
  }
  const index = treeIndex(units);
  if (opened === null || ![...opened].every((code) => index.byCode.has(code))) opened = firstOpened(index);
  const tbody = h('tbody');
  const headRow = h('tr');
  const found = h('p', { class: 'found', role: 'status', 'aria-live': 'polite' });
  const query = h('input', {
    type: 'search',
    id: 'unit-search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t.searchUnitsHint,
  });
  const onToggle = (code) => {
    if (opened.has(code)) opened.delete(code);
    else opened.add(code);
    render();
    tbody.querySelector(`tr[data-code="${CSS.escape(code)}"] button.toggle`)?.focus();
  };
  const render = () => {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const compare = column ? (a, b) => (sort.dir === 'ascending' ? 1 : -1) * column.compare(a, b) : null;
    const rows = document.createDocumentFragment();
    const wanted = query.value.trim();
    if (wanted === '') {
      found.textContent = '';
      for (const item of treeOrder(units, compare, (code) => opened.has(code), index)) {
        rows.append(row({ ...item, open: opened.has(item.unit.code) }, onToggle));
      }
    } else {
      const matches = search(units, wanted);
      if (compare) matches.sort(compare);
      const shown = matches.slice(0, SEARCH_LIMIT);
      found.textContent = t.unitsFound(matches.length, shown.length);
      for (const u of shown) {
        const path = ancestry(units, u.code, index.byCode).slice(0, -1);
        rows.append(row({ unit: u, depth: 0, below: 0, path }, onToggle));
      }
    }
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
  let pending = 0;
  query.addEventListener('input', () => {
    // One render per pause in typing: folding 10,000 names on every key press would lag.
    clearTimeout(pending);
    pending = setTimeout(render, 120);
  });
  render();

  const working = index.roots.reduce((n, u) => n + (u.workingMachines ?? 0), 0);
  const online = index.roots.reduce((n, u) => n + (u.machines?.online ?? 0), 0);
  return {
    title: t.unitsTitle,
    view: [
      h('h1', { tabindex: '-1' }, t.unitsTitle),
      h('p', { class: 'lead' }, t.unitsSummary(units.length, working, online)),
      h('div', { class: 'unit-search' }, h('label', { for: 'unit-search' }, t.searchUnits), query, found),
      h(
        'div',
        { class: 'table-wrap' },
        h('table', { class: 'units', id: 'units-table' }, h('caption', null, t.unitsCaption), h('thead', null, headRow), tbody),
      ),
    ],
  };
}
