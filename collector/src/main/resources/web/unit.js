// The unit page: its figures, reports, availability chart, offline and failing computers, all computers.
import { strings as t, format as f } from './i18n.js';
import { h, time, timesIn, zoneNote, given, facts, table, section } from './dom.js';
import { checkText, ruleName, learnRuleNames } from './checks.js';
import { ApiError, download } from './api.js';
import { availabilityChart } from './chart.js';
import { ancestry, coverageFigure, equipmentGap, connectivityGap, protectionGap, softwareGap, rankText, unitLink } from './units.js';

const WORKING = new Set(['online', 'offline']);
const STATE_ORDER = { offline: 0, online: 1, stale: 2, retired: 3 };

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

function machinesTable(machines, names, showUnit) {
  const rows = document.createDocumentFragment();
  for (const m of machines) {
    rows.append(
      h(
        'tr',
        { 'data-machine': m.machineId },
        h('th', { scope: 'row' }, machineLink(m)),
        showUnit ? h('td', null, h('span', { lang: 'vi' }, names.get(m.unit) ?? m.unit)) : null,
        h('td', null, stateBadge(m.state)),
        h('td', null, time(m.lastSeenAt)),
        h('td', null, internet(m.internetUp)),
        h('td', null, policy(m)),
      ),
    );
  }
  const headings = [t.col.hostname, showUnit ? t.unitColumn : null, t.col.state, t.col.lastSeen, t.col.internet, t.col.readinessResult].filter(Boolean);
  return table(t.machinesCount(machines.length), headings, [rows], 'machines');
}

function offlineSection(unit, machines, names, showUnit) {
  const offline = machines.filter((m) => m.state === 'offline');
  const hours = officeHoursText(unit.effectiveOfficeHours);
  const intro = unit.officeHoursNow ? t.officeNow(hours) : t.officeOutside(hours);
  const body =
    offline.length === 0
      ? h('p', { class: 'ok' }, t.noneOffline)
      : [h('p', null, t.offlineList), table(null, [t.col.hostname, showUnit ? t.unitColumn : null, t.col.lastSeen].filter(Boolean),
          offline.map((m) => [machineLink(m), showUnit ? h('span', { lang: 'vi' }, names.get(m.unit) ?? m.unit) : null, time(m.lastSeenAt, true)].filter((c) => c !== null)),
          'offline')];
  return section(t.officeTitle, 'offline', h('p', { class: unit.officeHoursNow ? 'office-now' : 'office-outside' }, intro), body);
}

function failingSection(machines) {
  const rows = [];
  for (const m of machines) {
    if (!WORKING.has(m.state) || m.compliant !== false) continue;
    for (const c of m.failing ?? []) {
      rows.push([machineLink(m), ruleName(t, c), checkCell(c, 'value'), checkCell(c, 'expected')]);
    }
  }
  const body = rows.length === 0
    ? h('p', { class: 'ok' }, t.noneFailing)
    : table(null, [t.col.hostname, t.col.rule, t.col.measured, t.col.expected], rows, 'failing');
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

export async function unitPage(api, code) {
  const [units, machines, history, rules] = await Promise.all([
    api('/units'),
    api(`/machines?unit=${encodeURIComponent(code)}`),
    api(`/units/${encodeURIComponent(code)}/history?days=7`).catch((e) => {
      if (e instanceof ApiError && e.status === 401) throw e;
      return e;
    }),
    api('/readiness-rules'),
  ]);
  learnRuleNames(rules);
  const unit = units.find((u) => u.code === code);
  if (!unit) throw new ApiError(404, 'not_found', t.unknownUnit(code));
  const names = new Map(units.map((u) => [u.code, u.name]));
  const children = units.filter((u) => u.parent === code);
  const showUnit = children.length > 0;
  const zone = timesIn(unit.effectiveOfficeHours?.timeZone);
  machines.sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || String(a.hostname).localeCompare(String(b.hostname)));

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

  const chain = ancestry(units, code);
  return {
    title: unit.name,
    view: [
      breadcrumb(chain.slice(0, -1)),
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
      offlineSection(unit, machines, names, showUnit),
      failingSection(machines),
      section(t.machinesTitle, 'machines', machines.length === 0 ? h('p', null, t.noMachines) : machinesTable(machines, names, showUnit)),
    ],
  };
}
