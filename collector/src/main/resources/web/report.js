// The period report: a unit and every unit below it at the end of a quarter, a year or any days,
// compared with the end of the previous period of the same length, with one sentence per unit (the
// collector writes it in the page's language). Printed on A4 (app.css, @media print), it is the
// annex of a quarterly report. Routes: #/report/CODE (this quarter so far), #/report/CODE/FROM/TO.
import { strings as t, format as f } from './i18n.js';
import { h, section, timesIn } from './dom.js';
import { ApiError } from './api.js';
import { ancestry, unitLink } from './units.js';
import { breadcrumb, exportButtons } from './unit.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n) => String(n).padStart(2, '0');

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first and last day of quarter q (1-4) of a year. */
export function quarter(year, q) {
  const last = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
  return { from: `${year}-${pad(q * 3 - 2)}-01`, to: `${year}-${pad(q * 3)}-${pad(last)}` };
}

/**
 * The periods one click away: this year's quarters that have begun and the year, then last year's
 * four quarters and the year. [{label, from, to}] in rows by year.
 */
export function periodChoices(today) {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const rows = [];
  for (const [y, quarters] of [[year, current], [year - 1, 4]]) {
    const row = [];
    for (let q = 1; q <= quarters; q++) row.push({ label: t.report.quarter(q, y), ...quarter(y, q) });
    row.push({ label: t.report.year(y), from: `${y}-01-01`, to: `${y}-12-31` });
    rows.push(row);
  }
  return rows;
}

function reportHash(code, from, to) {
  return `#/report/${encodeURIComponent(code)}/${from}/${to}`;
}

function periodPicker(code, from, to, today) {
  const rows = periodChoices(today).map((row) =>
    h(
      'div',
      { class: 'buttons' },
      row.map((p) => {
        const current = p.from === from && p.to === to;
        return h('a', { class: ['period', current ? 'current' : null], href: reportHash(code, p.from, p.to), 'aria-current': current ? 'true' : null }, p.label);
      }),
    ),
  );
  const fromInput = h('input', { type: 'date', id: 'report-from', name: 'from', value: from, max: today, required: true });
  const toInput = h('input', { type: 'date', id: 'report-to', name: 'to', value: to, required: true });
  const form = h(
    'form',
    { class: 'period-form' },
    h('div', null, h('label', { for: 'report-from' }, t.report.from), fromInput),
    h('div', null, h('label', { for: 'report-to' }, t.report.to), toInput),
    h('button', { type: 'submit' }, t.report.show),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (DATE.test(fromInput.value) && DATE.test(toInput.value)) location.hash = reportHash(code, fromInput.value, toInput.value);
  });
  return h('nav', { class: 'periods no-print', 'aria-label': t.report.choose }, h('h2', null, t.report.choose), rows, form);
}

function coverageCell(ratio, target, met, count) {
  const state = met === null || met === undefined ? 'none' : met ? 'met' : 'unmet';
  return h(
    'td',
    { class: ['n', 'cover', state], 'data-value': ratio ?? '' },
    h('span', { class: 'figure' }, f.pct(ratio)),
    count ? h('span', { class: 'count' }, count) : null,
    state === 'none' ? null : h('span', { class: 'gap' }, met ? t.report.met : t.report.notMet(f.pctTarget(target))),
  );
}

function changeCell(row) {
  const c = row.change;
  if (!row.previous || row.previous.status === 'none' || row.end.status === 'none') {
    return h('td', { class: 'change' }, t.report.noPrevious);
  }
  const lines = [];
  if (c.equipmentCoverage !== null) lines.push(t.report.changeEquipment(t.report.points(c.equipmentCoverage)));
  if (c.connectivityCoverage !== null) lines.push(t.report.changeConnectivity(t.report.points(c.connectivityCoverage)));
  if (c.protectionCoverage !== null) lines.push(t.report.changeProtection(t.report.points(c.protectionCoverage)));
  if (row.end.of > 1 && c.rankUp !== null) lines.push(t.report.rankUp(c.rankUp));
  return h('td', { class: 'change' }, lines.map((line) => h('span', { class: 'line' }, line)));
}

function unitRow(row) {
  const e = row.end;
  const name = h(
    'th',
    { scope: 'row', class: 'unit' },
    unitLink(row),
    e.estimated ? h('span', { class: 'estimated' }, ` (${t.report.estimated})`) : null,
  );
  name.style.paddingLeft = `${0.4 + Math.min(row.depth, 6) * 1.1}em`;
  if (e.status === 'none') {
    return h('tr', { 'data-code': row.code, class: `depth-${Math.min(row.depth, 4)}` }, name, h('td', { colspan: '6' }, t.report.noFigures), changeCell(row));
  }
  return h(
    'tr',
    { 'data-code': row.code, class: `depth-${Math.min(row.depth, 4)}` },
    name,
    h('td', { class: 'n', 'data-col': 'staff' }, f.num(e.staff)),
    coverageCell(e.equipmentCoverage, e.equipmentTarget, e.equipmentTargetMet, e.staff > 0 ? `${f.num(e.equippedStaff)}/${f.num(e.staff)}` : null),
    coverageCell(e.connectivityCoverage, e.connectivityTarget, e.connectivityTargetMet, e.workingMachines > 0 ? `${f.num(e.internetMachines)}/${f.num(e.workingMachines)}` : null),
    coverageCell(e.protectionCoverage, e.protectionTarget, e.protectionTargetMet, e.workingMachines > 0 && e.protectedMachines !== null ? `${f.num(e.protectedMachines)}/${f.num(e.workingMachines)}` : null),
    h('td', { class: 'n', 'data-col': 'readiness' }, f.pct(e.readinessScore)),
    h('td', { class: 'rank' }, e.of > 1 ? t.rankOf(e.rank, e.of) : t.noFigure),
    changeCell(row),
  );
}

function exportButton(code, asOf) {
  const status = h('span', { class: 'download-status', role: 'status' });
  const path = `/reports/coverage.csv?unit=${encodeURIComponent(code)}&date=${asOf}&lang=${t.lang}`;
  return [exportButtons(t.report.download, 'coverage', path, `coverage-${code}-${asOf}`, status), status];
}

export async function reportPage(api, code, from, to) {
  const today = isoDate(new Date());
  let period = { from, to };
  if (!DATE.test(from ?? '') || !DATE.test(to ?? '')) {
    const month = Number(today.slice(5, 7));
    period = quarter(Number(today.slice(0, 4)), Math.floor((month - 1) / 3) + 1);
  }
  const query = `unit=${encodeURIComponent(code)}&from=${period.from}&to=${period.to}&lang=${t.lang}`;
  const [units, report] = await Promise.all([api('/units'), api(`/reports/period?${query}`)]);
  if (!units.some((u) => u.code === code)) throw new ApiError(404, 'not_found', t.unknownUnit(code));
  const print = h('button', { type: 'button', class: 'print' }, t.report.print);
  print.addEventListener('click', () => window.print());
  const estimated = report.units.some((r) => r.end.estimated);
  const title = t.report.title(report.title);
  const zone = timesIn(units.find((u) => u.code === code)?.effectiveOfficeHours?.timeZone);
  return {
    title: `${title} · ${report.name}`,
    view: [
      h('div', { class: 'no-print' }, breadcrumb(ancestry(units, code))),
      h('h1', { tabindex: '-1' }, title),
      h('p', { class: 'report-unit' }, h('span', { lang: 'vi' }, report.name), ' ', h('span', { class: 'code' }, report.unit)),
      h('p', { class: 'lead', id: 'report-intro' }, t.report.intro(f.calendarDate(report.asOf), f.calendarDate(report.previousTo))),
      report.partial ? h('p', { class: 'notice', id: 'report-partial' }, t.report.partial(f.calendarDate(report.asOf))) : null,
      periodPicker(code, report.from, report.to, today),
      h('div', { class: 'buttons no-print' }, print, exportButton(code, report.asOf)),
      section(
        t.report.tableTitle,
        'report-table',
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'report' },
            h('caption', null, t.report.caption),
            h(
              'thead',
              null,
              h('tr', null, [t.report.col.unit, t.report.col.staff, t.report.col.equipment, t.report.col.connectivity, t.report.col.protection, t.report.col.readiness, t.report.col.rank, t.report.col.change].map((x) => h('th', { scope: 'col' }, x))),
            ),
            h('tbody', null, report.units.map(unitRow)),
          ),
        ),
        estimated ? h('p', { class: 'hint' }, t.report.estimatedNote) : null,
      ),
      section(
        t.report.sentencesTitle,
        'report-sentences',
        h('ol', { class: 'sentences' }, report.units.map((r) => h('li', { 'data-code': r.code, lang: report.lang }, r.sentence))),
      ),
      h('p', { class: 'hint made' }, t.report.madeAt(`${f.inZone(zone).dateTime(new Date().toISOString())} ${t.zoneSuffix(zone)}`)),
    ],
  };
}
