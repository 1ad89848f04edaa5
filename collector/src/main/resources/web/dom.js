// DOM building without innerHTML: every text goes in through text nodes, so nothing is escaped by hand.
import { strings as t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** h('td', {class: 'n'}, 'text', otherNode): an HTML element. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const targetPercent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** 0.9583 -> "95.8%" in the browser's locale; null -> a dash. */
export function pct(ratio) {
  return ratio === null || ratio === undefined ? t.noFigure : percent.format(ratio);
}

/** A target: 1 -> "100%", 0.98 -> "98%". */
export function pctTarget(ratio) {
  return ratio === null || ratio === undefined ? t.noFigure : targetPercent.format(ratio);
}

export function num(n) {
  return n === null || n === undefined ? t.noFigure : integer.format(n);
}

export function dayLabel(date) {
  return dayFormat.format(date);
}

export function dateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : t.noFigure;
}

/** A <time> element with the local date and time, and the ISO instant in datetime. */
export function time(iso, withRelative = false) {
  if (!iso) return t.noFigure;
  const text = withRelative ? `${dateTime(iso)} (${ago(iso)})` : dateTime(iso);
  return h('time', { datetime: iso }, text);
}

export function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(Math.round(seconds), 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

export function bytes(n) {
  if (n === null || n === undefined) return t.noFigure;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < t.units.bytes.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value)} ${t.units.bytes[unit]}`;
}

/** A definition list from [label, value] pairs; pairs with a null value are left out. */
export function facts(pairs, cls = 'facts') {
  return h(
    'dl',
    { class: cls },
    pairs
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))),
  );
}

/** A table with a caption and <th scope="col"> headings; rows are arrays of cells or <tr>s. */
export function table(caption, headings, rows, cls) {
  const body = document.createDocumentFragment();
  for (const row of rows) {
    body.append(row instanceof Node ? row : h('tr', null, row.map((c) => (c instanceof Node && c.tagName === 'TD' ? c : h('td', null, c)))));
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: cls },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headings.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, body),
    ),
  );
}

export function section(title, id, ...children) {
  const headingId = `${id}-title`;
  return h('section', { id, 'aria-labelledby': headingId }, h('h2', { id: headingId }, title), children);
}
