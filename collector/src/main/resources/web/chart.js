// The hourly internet-availability chart as inline SVG, drawn with DOM calls (no library).
import { strings as t, format as f } from './i18n.js';
import { s } from './dom.js';

const WIDTH = 760;
const HEIGHT = 200;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;
const HOUR = 3600_000;

function level(ratio) {
  if (ratio >= 0.98) return 'good';
  if (ratio >= 0.5) return 'warn';
  return 'bad';
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * The midnights of `zone` between from and to (ms). Looked for every quarter of an hour, since
 * some zones are not a whole number of hours from UTC (Asia/Kathmandu is +05:45).
 */
function midnights(from, to, zone) {
  const hourMinute = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const out = [];
  for (let at = Math.ceil(from / QUARTER_HOUR) * QUARTER_HOUR; at < to; at += QUARTER_HOUR) {
    if (hourMinute.format(at) === '00:00') out.push(at);
  }
  return out;
}

/**
 * Bars of internetUp / heartbeats per hour between from and to; hours without a heartbeat are
 * left empty. Hours and days are those of `fz`'s time zone (the unit's). Returns {svg, overall,
 * hours}.
 */
export function availabilityChart(history, days, fz = f) {
  const to = history.to ? new Date(history.to).getTime() : Date.now();
  const from = history.from ? new Date(history.from).getTime() : to - days * 24 * HOUR;
  const span = Math.max(HOUR, to - from);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (ms) => LEFT + ((ms - from) / span) * plotW;
  const y = (ratio) => TOP + (1 - ratio) * plotH;
  const barW = Math.max(0.6, (HOUR / span) * plotW - (days <= 7 ? 0.6 : 0.15));

  let heartbeats = 0;
  let up = 0;
  const buckets = (history.buckets ?? []).filter((b) => b.heartbeats > 0);
  const bars = buckets.map((b) => {
    heartbeats += b.heartbeats;
    up += b.internetUp;
    const ratio = b.internetUp / b.heartbeats;
    const start = new Date(b.hour).getTime();
    const top = y(ratio);
    return s(
      'rect',
      {
        class: `bar ${level(ratio)}`,
        x: x(start).toFixed(2),
        y: Math.min(top, y(0) - 1).toFixed(2),
        width: barW.toFixed(2),
        height: Math.max(1, y(0) - top).toFixed(2),
      },
      s('title', null, t.chartBar(fz.dateTime(b.hour), b.internetUp, b.heartbeats, f.pct(ratio))),
    );
  });
  const overall = heartbeats > 0 ? up / heartbeats : null;

  const grid = [0, 0.5, 1].map((ratio) => [
    s('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(ratio), y2: y(ratio) }),
    s('text', { class: 'axis', x: LEFT - 6, y: y(ratio) + 4, 'text-anchor': 'end' }, f.pctTarget(ratio)),
  ]);

  // A label at each midnight of the unit's zone (every day for a week, every 5th day for a month).
  const ticks = [];
  const step = days <= 7 ? 1 : 5;
  midnights(from, to, fz.zone).forEach((day, i) => {
    if (i % step !== 0) return;
    const at = x(day);
    ticks.push(
      s('line', { class: 'tick', x1: at, x2: at, y1: y(0), y2: y(0) + 4 }),
      s('text', { class: 'axis', x: at, y: HEIGHT - 8, 'text-anchor': 'middle', 'data-day': new Date(day).toISOString() }, fz.dayLabel(day)),
    );
  });

  const svg = s(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': t.chartLabel(days, f.pct(overall)),
    },
    grid,
    ticks,
    s('g', { class: 'bars' }, bars),
    s('line', { class: 'baseline', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0) }),
  );
  return { svg, overall, hours: buckets.length };
}
