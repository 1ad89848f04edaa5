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

// The time zone the page being built shows its times in: its unit's (office hours' timeZone), set
// by the page with timesIn() before it builds its view and said once on the page (zoneNote), so
// that "08/12/2026 07:14:27" reads the same for everyone whatever their computer's clock says.
let pageZone = null;

/** Shows the times of the page being built in `zone` (null: the browser's own). */
export function timesIn(zone) {
  pageZone = zone || null;
  return f.inZone(pageZone).zone;
}

/** The line that says, once per page, which zone its times are in. */
export function zoneNote(zone) {
  const shown = f.inZone(zone).zone;
  return h('p', { class: 'zone-note', 'data-zone': shown }, t.timesInZone(shown));
}

/**
 * A <time> element with the date and time to the second in the page's zone (or `zone`), and the
 * ISO instant in datetime. A time in another zone than the page's says its zone after it.
 */
export function time(iso, withRelative = false, zone = pageZone) {
  if (!iso) return t.noFigure;
  const z = f.inZone(zone);
  const other = zone && pageZone && z.zone !== f.inZone(pageZone).zone ? ` ${t.zoneSuffix(z.zone)}` : '';
  const text = withRelative ? `${z.dateTime(iso)}${other} (${f.ago(iso)})` : `${z.dateTime(iso)}${other}`;
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
