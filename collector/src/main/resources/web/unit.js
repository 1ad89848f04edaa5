// The unit page: its figures, reports, availability chart, offline and failing computers, all computers.
import { strings as t, format as f } from './i18n.js';
import { h, time, timesIn, zoneNote, given, facts, table, section } from './dom.js';
import { checkText, ruleName, learnRuleNames } from './checks.js';
import { ApiError, download } from './api.js';
import { availabilityChart } from './chart.js';
import { coverageFigure, equipmentGap, connectivityGap, protectionGap, softwareGap, rankText, unitLink } from './units.js';
import { machinesPath, pager, MACHINES_PAGE, PROBLEMS_PAGE } from './paging.js';


export function machineLink(m) {
  return h('a', { href: `#/machines/${encodeURIComponent(m.machineId)}` }, m.hostname || m.machineId);
}

export function stateBadge(state) {
  return h('span', { class: ['state', `state-${state}`] }, t.states[state] ?? state);
}

function internet(value) {
  if (value === true) return h('span', { class: 'yes' }, t.internetYes);
  if (value === false) return h('span', { class: 'no' }, t.internetNo);
  return t.internetUnknown;
}

function policy(m) {
  if (m.compliant === true) return h('span', { class: 'yes' }, t.meetsPolicy);
  if (m.compliant === false) {
    const rules = (m.failing ?? []).map((c) => ruleName(t, c)).join(', ');
    return h('span', { class: 'no' }, t.failsPolicy(rules));
  }
  return t.unknownPolicy;
}

const WEEK = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** MON..FRI -> "Mon–Fri" / "từ Thứ Hai đến Thứ Sáu"; runs of three days or more become a range. */
export function dayList(days) {
  const known = WEEK.filter((d) => days.includes(d));
  const other = days.filter((d) => !WEEK.includes(d));
  const parts = [];
  for (let i = 0; i < known.length; ) {
    let j = i;
    while (j + 1 < known.length && WEEK.indexOf(known[j + 1]) === WEEK.indexOf(known[j]) + 1) j++;
    if (j - i >= 2) parts.push(t.dayRange(t.weekdays[known[i]], t.weekdays[known[j]]));
    else for (let k = i; k <= j; k++) parts.push(t.weekdays[known[k]]);
    i = j + 1;
  }
  return [...parts, ...other].join(', ');
}

function officeHoursText(hours) {
  if (!hours) return '';
  return t.officeHoursText(dayList(hours.days ?? []), hours.start, hours.end, hours.timeZone);
}

/** The measured value ('value') or the requirement ('expected') of a readiness check, in the page's language. */
export function checkCell(check, which) {
  const { text: said, lang } = checkText(t, check, which);
  return given(said, lang);
}

/**
 * The applications the unit's machines are matched against (admins write the labels, usually in
 * Vietnamese; a match is a piece of an application's name, shown as typed).
 */
export function requiredList(required) {
  if (!required || required.length === 0) return h('p', { class: 'hint' }, t.nothingRequired);
  return h(
    'ul',
    { class: 'required', 'data-col': 'required' },
    required.map((r) => h('li', null, h('span', { lang: 'vi' }, r.label), ' ', h('code', null, r.match))),
  );
}

export function breadcrumb(chain) {
  return h(
    'nav',
    { 'aria-label': t.breadcrumb, class: 'crumbs' },
    h(
      'ol',
      null,
      h('li', null, h('a', { href: '#/units' }, t.navUnits)),
      chain.map((u) => h('li', null, unitLink(u))),
    ),
  );
}

/** A machine's unit by name (the API's unitName; the code when a collector before it answers). */
function unitCell(m, names) {
  const name = m.unitName ?? names.get(m.unit);
  return name ? h('span', { lang: 'vi' }, name) : m.unit;
}

function tr(cells, attrs = null) {
  return h('tr', attrs, cells.filter((c) => c !== null).map((c) => (c instanceof Node && (c.tagName === 'TD' || c.tagName === 'TH') ? c : h('td', null, c))));
}

/**
 * A table read a page at a time: the rows of the first page, "The first N of M are shown." and a
 * "Show N more" button that appends the next page's rows, until the last page.
 */
function pagedTable(list, pageSize, caption, headings, rowsOf, cls) {
  const box = table(caption, headings, list.loaded.flatMap(rowsOf), cls);
  const tableEl = box.querySelector('table');
  const tbody = tableEl.querySelector('tbody');
  const shown = h('p', { class: 'shown', role: 'status' });
  const more = h('button', { type: 'button', class: 'more', 'data-list': cls });
  const footer = h('div', { class: 'paging', 'data-list': cls }, shown, more);
  const update = () => {
    const done = list.done;
    shown.textContent = done ? '' : t.shownOf(list.loaded.length, list.total);
    more.textContent = t.showMore(Math.min(pageSize, list.remaining));
    footer.hidden = done;
    tableEl.dataset.total = String(list.total);
    tableEl.dataset.shown = String(list.loaded.length);
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      for (const row of (await list.more()).flatMap(rowsOf)) tbody.append(row);
      update();
    } catch (e) {
      shown.textContent = e instanceof ApiError && e.status > 0 ? t.serverError(e.status, e.detail) : t.unreachable;
    } finally {
      more.disabled = false;
    }
  });
  update();
  return [box, footer];
}

function machinesSection(list, names, showUnit) {
  const headings = [t.col.hostname, showUnit ? t.unitColumn : null, t.col.state, t.col.lastSeen, t.col.internet, t.col.readinessResult].filter(Boolean);
  const rowsOf = (m) => [
    tr(
      [
        h('th', { scope: 'row' }, machineLink(m)),
        showUnit ? unitCell(m, names) : null,
        stateBadge(m.state),
        time(m.lastSeenAt),
        internet(m.internetUp),
        policy(m),
      ],
      { 'data-machine': m.machineId },
    ),
  ];
  const body = list.total === 0 ? h('p', null, t.noMachines) : pagedTable(list, MACHINES_PAGE, t.machinesCount(list.total), headings, rowsOf, 'machines');
  return section(t.machinesTitle, 'machines', body);
}

function offlineSection(unit, list, names, showUnit) {
  const hours = officeHoursText(unit.effectiveOfficeHours);
  const intro = unit.officeHoursNow ? t.officeNow(hours) : t.officeOutside(hours);
  const rowsOf = (m) => [tr([machineLink(m), showUnit ? unitCell(m, names) : null, time(m.lastSeenAt, true)])];
  const body =
    list.total === 0
      ? h('p', { class: 'ok' }, t.noneOffline)
      : [h('p', null, t.offlineList), pagedTable(list, PROBLEMS_PAGE, null, [t.col.hostname, showUnit ? t.unitColumn : null, t.col.lastSeen].filter(Boolean), rowsOf, 'offline')];
  return section(t.officeTitle, 'offline', h('p', { class: unit.officeHoursNow ? 'office-now' : 'office-outside' }, intro), body);
}

/** Working computers failing the policy (the API's failing=true), a row per failed rule. */
function failingSection(list) {
  const rowsOf = (m) => (m.failing ?? []).map((c) => tr([machineLink(m), ruleName(t, c), checkCell(c, 'value'), checkCell(c, 'expected')]));
  const body = list.total === 0
    ? h('p', { class: 'ok' }, t.noneFailing)
    : pagedTable(list, PROBLEMS_PAGE, null, [t.col.hostname, t.col.rule, t.col.measured, t.col.expected], rowsOf, 'failing');
  return section(t.failingTitle, 'failing', body);
}

function chartSection(api, code, first, zone) {
  const holder = h('div', { class: 'chart-holder' });
  const status = h('p', { class: 'chart-summary', 'aria-live': 'polite' });
  const buttons = [7, 30].map((days) =>
    h('button', { type: 'button', class: 'toggle', 'data-days': days, 'aria-pressed': days === 7 ? 'true' : 'false' }, t.lastDays(days)),
  );
  const box = section(
    t.availabilityTitle,
    'availability',
    h('p', { class: 'hint' }, t.availabilityIntro),
    h('div', { class: 'toggles', role: 'group', 'aria-label': t.availabilityTitle }, buttons),
    status,
    holder,
  );
  const show = (days, history) => {
    const { svg, overall, hours } = availabilityChart(history, days, f.inZone(zone));
    status.textContent = hours > 0 ? t.availabilitySummary(days, f.pct(overall), hours) : t.availabilityNone(days);
    holder.replaceChildren(svg);
    box.dataset.chartDays = String(days);
  };
  const load = async (days) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.days === String(days)));
    delete box.dataset.chartDays;
    try {
      show(days, await api(`/units/${encodeURIComponent(code)}/history?days=${days}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      status.textContent = e instanceof ApiError && e.status > 0 ? t.serverError(e.status, e.detail) : t.unreachable;
      holder.replaceChildren();
      box.dataset.chartDays = String(days);
    }
  };
  for (const b of buttons) b.addEventListener('click', () => load(Number(b.dataset.days)).catch(() => {}));
  if (first instanceof Error) {
    status.textContent = first.status > 0 ? t.serverError(first.status, first.detail) : t.unreachable;
    box.dataset.chartDays = '7';
  } else {
    show(7, first);
  }
  return box;
}

/**
 * Two buttons for an export, Excel first: the same API path and parameters, the Excel one with
 * format=xlsx. Buttons, not links: the download needs the token in a header. Each carries the
 * path it asks for in data-path.
 */
export function exportButtons(what, report, path, fallbackName, status) {
  const button = (kind, label, url, name) => {
    const b = h('button', { type: 'button', class: ['download', `download-${kind}`], 'data-report': report, 'data-format': kind, 'data-path': url, 'aria-label': t.downloadAs(what, label) }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      status.textContent = t.downloading;
      try {
        status.textContent = t.downloaded(await download(url, name));
      } catch (e) {
        status.textContent = e.status > 0 ? t.serverError(e.status, e.detail) : t.unreachable;
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  return h(
    'div',
    { class: 'export', 'data-report': report },
    h('span', { class: 'export-name' }, what),
    ' ',
    button('xlsx', t.excel, `${path}&format=xlsx`, `${fallbackName}.xlsx`),
    ' ',
    button('csv', t.csv, path, `${fallbackName}.csv`),
  );
}

function exportsSection(code) {
  const status = h('p', { class: 'download-status', role: 'status' });
  const exportOf = (what, report) =>
    exportButtons(what, report, `/reports/${report}.csv?unit=${encodeURIComponent(code)}&lang=${t.lang}`, `${report}-${code}`, status);
  return section(
    t.exports,
    'exports',
    h('p', { class: 'hint' }, t.exportsIntro),
    h('div', { class: 'buttons' }, exportOf(t.downloadCoverage, 'coverage'), exportOf(t.downloadMachines, 'machines')),
    status,
    h('p', null, h('a', { href: `#/report/${encodeURIComponent(code)}`, id: 'period-report-link' }, t.report.link)),
  );
}

/** The first page of a unit's computers (with a filter) and a pager that reads the next ones. */
async function machineList(api, code, filter, size) {
  const first = await api(machinesPath(code, filter, size));
  return pager(first, (cursor) => api(machinesPath(code, filter, size, cursor)));
}

/**
 * What the page shows and nothing more: the unit with its path to the root, its children, and the
 * first page of its computers, of those offline and of those failing, each with its total. A
 * ministry's page reads a few hundred computers, not the million below it, nor its 10,000 units.
 */
export async function unitPage(api, code) {
  const [unit, children, all, offline, failing, history, rules] = await Promise.all([
    api(`/units/${encodeURIComponent(code)}`),
    api(`/units?parent=${encodeURIComponent(code)}`),
    machineList(api, code, {}, MACHINES_PAGE),
    machineList(api, code, { state: 'offline' }, PROBLEMS_PAGE),
    machineList(api, code, { failing: true }, PROBLEMS_PAGE),
    api(`/units/${encodeURIComponent(code)}/history?days=7`).catch((e) => {
      if (e instanceof ApiError && e.status === 401) throw e;
      return e;
    }),
    api('/readiness-rules'),
  ]).catch((e) => {
    // Each call names the unit: a 404 from any of them means there is no such unit.
    if (e instanceof ApiError && e.status === 404) throw new ApiError(404, 'not_found', t.unknownUnit(code));
    throw e;
  });
  learnRuleNames(rules);
  const names = new Map([unit, ...(unit.path ?? []), ...children].map((u) => [u.code, u.name]));
  const showUnit = children.length > 0;
  const zone = timesIn(unit.effectiveOfficeHours?.timeZone);

  const figures = h(
    'div',
    { class: 'cards' },
    h('div', { class: 'card' }, h('h3', null, t.col.equipment), coverageFigure(unit.equipmentCoverage, unit.equipmentTarget, equipmentGap(unit), 'p', { 'data-col': 'equipment' })),
    h('div', { class: 'card' }, h('h3', null, t.col.connectivity), coverageFigure(unit.connectivityCoverage, unit.connectivityTarget, connectivityGap(unit), 'p', { 'data-col': 'connectivity' })),
    h('div', { class: 'card' }, h('h3', null, t.col.protection), coverageFigure(unit.protectionCoverage, unit.protectionTarget, protectionGap(unit), 'p', { 'data-col': 'protection' })),
    h(
      'div',
      { class: 'card' },
      h('h3', null, t.col.software),
      coverageFigure(unit.softwareCoverage, unit.softwareTarget, softwareGap(unit), 'p', { 'data-col': 'software' }),
      requiredList(unit.effectiveRequiredApplications),
    ),
    h('div', { class: 'card' }, facts([
      [t.col.staff, h('span', { 'data-col': 'staff', 'aria-describedby': 'staff-hint' }, t.unitStaff(unit.staff, unit.ownStaff ?? unit.staff))],
      [t.col.working, f.num(unit.workingMachines)],
      [t.col.online, f.num(unit.machines?.online)],
      [t.col.compliance, f.pct(unit.compliance)],
      [t.col.readiness, f.pct(unit.readinessScore)],
      [t.col.rank, rankText(unit)],
    ]), h('p', { class: 'hint', id: 'staff-hint' }, t.staffHint)),
  );

  return {
    title: unit.name,
    view: [
      breadcrumb(unit.path ?? []),
      h('h1', { tabindex: '-1' }, h('span', { lang: 'vi' }, unit.name), ' ', h('span', { class: 'code' }, `${unit.code} · ${t.kinds[unit.kind] ?? unit.kind ?? ''}`)),
      zoneNote(zone),
      section(t.unitFacts, 'figures', figures),
      children.length > 0
        ? section(t.subUnits, 'children', table(null, [t.col.unit, t.col.equipment, t.col.connectivity, t.col.rank], children.map((c) => [
            unitLink(c),
            coverageFigure(c.equipmentCoverage, c.equipmentTarget, equipmentGap(c)),
            coverageFigure(c.connectivityCoverage, c.connectivityTarget, connectivityGap(c)),
            rankText(c),
          ]), 'children'))
        : null,
      exportsSection(code),
      chartSection(api, code, history, zone),
      offlineSection(unit, offline, names, showUnit),
      failingSection(failing),
      machinesSection(all, names, showUnit),
    ],
  };
}
