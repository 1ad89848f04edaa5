// DOM building without innerHTML: every text goes in through text nodes, so nothing is escaped by hand.
import { strings as t, format as f } from './i18n.js';

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

/** A <time> element with the local date and time, and the ISO instant in datetime. */
export function time(iso, withRelative = false) {
  if (!iso) return t.noFigure;
  const text = withRelative ? `${f.dateTime(iso)} (${f.ago(iso)})` : f.dateTime(iso);
  return h('time', { datetime: iso }, text);
}

/** Text the page could not put into its language (it came from the API in English), marked as such. */
export function given(text, lang) {
  return lang ? h('span', { lang }, text) : text;
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
