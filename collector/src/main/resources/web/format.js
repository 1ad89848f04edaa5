// Every number, percentage, size and date the status page shows goes through one formatter made
// for the page's language: formatter('vi-VN') writes 98,2% and 31/03/2026, formatter('en-GB')
// 98.2% and 31 Mar 2026. Pure (no DOM, no storage), so the strings files, the pages, the period
// report and the Node tests all use the same code. The page makes its formatter in i18n.js.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// How each language writes a date. Vietnamese tables write dd/mm/yyyy and put the date before the
// time (CLDR's vi pattern puts the time first, "14:05 31/03/2026", which reads oddly in a column of
// dates); English gets the unambiguous "31 Mar 2026, 14:05:09" whatever the reader's country.
// Times carry seconds: a technician matches them against a log or an alert.
const DATE_STYLES = {
  vi: {
    date: { day: '2-digit', month: '2-digit', year: 'numeric' },
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
    join: (date, time) => `${date} ${time}`,
    day: { day: 'numeric', month: 'numeric' },
  },
  en: {
    date: { day: 'numeric', month: 'short', year: 'numeric' },
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
    join: (date, time) => `${date}, ${time}`,
    day: { day: 'numeric', month: 'short' },
  },
};

const missing = (x) => x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));

/**
 * The formatting functions for one locale, e.g. formatter('vi-VN'). Each answers `dash` for a
 * missing value. timeZone defaults to the browser's (tests pin it); inZone(zone) gives the same
 * locale's formatter in another zone (a unit's), made once per zone.
 */
export function formatter(locale, { timeZone, dash = '–' } = {}) {
  const zones = new Map();
  const style = DATE_STYLES[locale.split('-')[0]] ?? DATE_STYLES.en;
  const zone = timeZone ? { timeZone } : {};
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const targetPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { ...style.date, ...zone });
  const utcDateFormat = new Intl.DateTimeFormat(locale, { ...style.date, timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(locale, { ...style.time, ...zone });
  const dayFormat = new Intl.DateTimeFormat(locale, { ...style.day, ...zone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const instant = (x) => (x instanceof Date ? x : new Date(x));

  const self = {
    locale,
    dash,

    /** The IANA time zone dates are shown in. */
    zone: timeZone ?? dateFormat.resolvedOptions().timeZone,

    /** This locale's formatter in `zone` (an IANA name such as Asia/Ho_Chi_Minh); itself for none. */
    inZone(zone) {
      if (!zone || zone === self.zone) return self;
      if (!zones.has(zone)) zones.set(zone, formatter(locale, { timeZone: zone, dash }));
      return zones.get(zone);
    },

    /** 0.9823 -> "98,2%" (vi), "98.2%" (en): a coverage figure, always one decimal. */
    pct: (ratio) => (missing(ratio) ? dash : percent.format(ratio)),

    /** A target or an axis mark: 1 -> "100%", 0.98 -> "98%", 0.955 -> "95,5%". */
    pctTarget: (ratio) => (missing(ratio) ? dash : targetPercent.format(ratio)),

    /** A count: 12345 -> "12.345" (vi), "12,345" (en). */
    num: (n) => (missing(n) ? dash : integer.format(n)),

    /** A measure with at most one decimal: 5.12 -> "5,1" (vi). */
    decimal: (n) => (missing(n) ? dash : oneDecimal.format(n)),

    /** A size in bytes with binary units: 8589934592 -> "8 GiB", 5497558138 -> "5,1 GiB" (vi). */
    bytes(n) {
      if (missing(n)) return dash;
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
        value /= 1024;
        unit++;
      }
      return `${oneDecimal.format(value)} ${BYTE_UNITS[unit]}`;
    },

    /** The day of an instant: "31/03/2026" (vi), "31 Mar 2026" (en). */
    date: (iso) => (missing(iso) || iso === '' ? dash : dateFormat.format(instant(iso))),

    /** A calendar date without a time zone ("2026-03-31", e.g. a firmware date): the same day everywhere. */
    calendarDate(text) {
      const m = CALENDAR_DATE.exec(text ?? '');
      if (!m) return missing(text) || text === '' ? dash : String(text);
      return utcDateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },

    /** An instant, to the second: "31/03/2026 14:05:09" (vi), "31 Mar 2026, 14:05:09" (en). */
    dateTime(iso) {
      if (missing(iso) || iso === '') return dash;
      const at = instant(iso);
      return style.join(dateFormat.format(at), timeFormat.format(at));
    },

    /** A short day for a chart axis: "31/3" (vi), "31 Mar" (en). */
    dayLabel: (date) => dayFormat.format(instant(date)),

    /** How long ago (or ahead): "5 phút trước", "hôm qua", "5 minutes ago", "yesterday". */
    ago(iso, now = Date.now()) {
      const seconds = (instant(iso).getTime() - now) / 1000;
      const abs = Math.abs(seconds);
      let text;
      if (abs < 60) text = relative.format(Math.round(seconds), 'second');
      else if (abs < 3600) text = relative.format(Math.round(seconds / 60), 'minute');
      else if (abs < 86400) text = relative.format(Math.round(seconds / 3600), 'hour');
      else text = relative.format(Math.round(seconds / 86400), 'day');
      // CLDR capitalises some Vietnamese phrases ("Hôm qua"); the page shows them mid-sentence.
      return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
    },
  };
  return self;
}
