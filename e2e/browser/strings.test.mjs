// The status page's languages without a browser: the Vietnamese strings have every English key
// (and nothing else) with the same kind, numbers and dates are formatted as each language writes
// them, the readiness texts of the API are read in every shape the collector writes, and the
// language is chosen as documented.
//   node --test strings.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webModule, leaves, said, wordsOf, englishOnlyWords } from './words.mjs';

const en = await webModule('strings.en.js');
const vi = await webModule('strings.vi.js');
const { formatter } = await webModule('format.js');
const { checkText, ruleName, learnRuleNames } = await webModule('checks.js');

const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function sameShape(a, b, where, errors) {
  for (const key of Object.keys(a)) {
    const path = `${where}${key}`;
    if (!(key in b)) {
      errors.push(`${path}: missing`);
      continue;
    }
    if (kind(a[key]) !== kind(b[key])) errors.push(`${path}: ${kind(a[key])} here, ${kind(b[key])} there`);
    else if (kind(a[key]) === 'object') sameShape(a[key], b[key], `${path}.`, errors);
    else if (kind(a[key]) === 'function' && a[key].length !== b[key].length) {
      errors.push(`${path}: takes ${a[key].length} arguments here, ${b[key].length} there`);
    }
  }
}

test('every English key exists in Vietnamese with the same kind and the same arguments', () => {
  const errors = [];
  sameShape(en.strings, vi.strings, '', errors);
  assert.deepEqual(errors, [], 'strings.vi.js compared with strings.en.js');
});

test('every Vietnamese key exists in English with the same kind and the same arguments', () => {
  const errors = [];
  sameShape(vi.strings, en.strings, '', errors);
  assert.deepEqual(errors, [], 'strings.en.js compared with strings.vi.js');
});

test('both strings files export their locale and a formatter for it', () => {
  assert.equal(vi.locale, 'vi-VN');
  assert.equal(en.locale, 'en-GB');
  assert.equal(vi.strings.lang, 'vi');
  assert.equal(en.strings.lang, 'en');
  assert.equal(vi.format.locale, 'vi-VN');
  assert.equal(en.format.locale, 'en-GB');
});

test('every sentence says something, with no undefined, NaN or leftover placeholder', () => {
  for (const strings of [en.strings, vi.strings]) {
    for (const [path, value] of leaves(strings)) {
      const text = said(value);
      assert.ok(text.length > 0, `${strings.lang}:${path} is empty`);
      assert.doesNotMatch(text, /undefined|NaN|\[object|\$\{/, `${strings.lang}:${path} says "${text}"`);
    }
  }
});

test('the Vietnamese strings are translated, not copied', () => {
  // Codes, units and the product's name are the same in both languages.
  const same = new Set([
    'appName', 'noFigure', 'probeKinds.http', 'probeKinds.dns', 'probeKinds.tcp', 'mhz', 'speedMbps',
    'latencyMs', 'chartBar', 'checkTexts.memory.value', 'checkTexts.logicalCpus.value',
    'protectionSources.defender', 'protectionSources.clamav', 'excel', 'csv',
    'quantity.bytes', 'quantity.ratio', 'quantity.count',
  ]);
  const english = new Map(leaves(en.strings));
  const copied = leaves(vi.strings)
    .filter(([path, value]) => !same.has(path) && said(value) === said(english.get(path)))
    .map(([path, value]) => `${path}: "${said(value)}"`);
  assert.deepEqual(copied, []);
});

test('no English word is left in the Vietnamese strings', () => {
  const english = new Set(englishOnlyWords(en.strings));
  for (const w of ['computers', 'staff', 'coverage', 'target', 'sign', 'rank', 'online']) assert.ok(english.has(w), w);
  for (const w of ['internet', 'digiready', 'gib', 'units']) assert.equal(english.has(w), w === 'units', w);
  const left = leaves(vi.strings)
    .map(([path, value]) => [path, said(value), wordsOf(said(value)).filter((w) => english.has(w))])
    .filter(([, , words]) => words.length > 0)
    .map(([path, text, words]) => `${path}: ${words.join(', ')} in "${text}"`);
  assert.deepEqual(left, []);
});

test('a formatter in another zone: same locale, the zone said back, made once', () => {
  const v = formatter('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  assert.equal(v.zone, 'Asia/Ho_Chi_Minh');
  assert.equal(v.inZone(null), v);
  assert.equal(v.inZone('Asia/Ho_Chi_Minh'), v);
  const tokyo = v.inZone('Asia/Tokyo');
  assert.equal(tokyo, v.inZone('Asia/Tokyo'));
  assert.equal(tokyo.zone, 'Asia/Tokyo');
  assert.equal(tokyo.dateTime('2026-12-07T17:14:27Z'), '08/12/2026 02:14:27');
  assert.equal(formatter('en-GB', { timeZone: 'UTC' }).inZone('Asia/Tokyo').dateTime('2026-12-07T17:14:27Z'), '8 Dec 2026, 02:14:27');
  assert.equal(vi.strings.timesInZone('Asia/Ho_Chi_Minh'), 'Thời gian trên trang này theo giờ Asia/Ho_Chi_Minh.');
  assert.equal(vi.strings.zoneSuffix('Asia/Tokyo'), '(giờ Asia/Tokyo)');
  assert.equal(en.strings.zoneSuffix('Asia/Tokyo'), '(Asia/Tokyo time)');
});

test("a unit's staff says which number is its own", () => {
  assert.equal(vi.strings.unitStaff(85, 30), '85 (kể cả đơn vị trực thuộc; cán bộ của riêng đơn vị này: 30)');
  assert.equal(vi.strings.unitStaff(30, 30), '30');
  assert.equal(en.strings.unitStaff(85, 30), "85 (units below included; this unit's own staff: 30)");
  assert.match(vi.strings.staffHint, /cán bộ của riêng đơn vị mình/);
});

test('the software list says what it shows', () => {
  assert.equal(vi.strings.softwareShown(50, 900), 'Đang hiện 50/900 phần mềm.');
  assert.equal(vi.strings.softwareMatched(12, 1234, 'lib', 12), '12/1.234 phần mềm có tên chứa “lib”; đang hiện 12.');
  assert.equal(en.strings.softwareShown(50, 900), 'Showing 50 of 900 applications.');
  assert.equal(en.strings.softwareMatched(1, 900, 'unikey', 1), '1 of 900 applications match “unikey”; showing 1.');
});

test('Vietnamese counts do not inflect and ranks read "xếp thứ N/M"', () => {
  const t = vi.strings;
  assert.equal(t.rankOf(4, 15), 'xếp thứ 4/15');
  assert.equal(t.machinesCount(1), '1 máy tính');
  assert.equal(t.machinesCount(24), '24 máy tính');
  assert.equal(t.machinesCount(1234), '1.234 máy tính');
  assert.equal(t.needsComputers(1), 'còn thiếu 1 máy tính làm việc');
  assert.equal(t.needsComputers(8), 'còn thiếu 8 máy tính làm việc');
  assert.equal(t.needsInternet(2), 'cần thêm 2 máy tính kết nối Internet');
  assert.equal(t.unitsSummary(15, 1201, 40), '15 đơn vị, 1.201 máy tính làm việc, 40 máy đang trực tuyến.');
  assert.equal(t.ofTarget(vi.format.pctTarget(0.98)), 'chỉ tiêu 98%');
  assert.equal(t.duration(90061), '1 ngày 1 giờ');
  assert.equal(t.dayRange(t.weekdays.MON, t.weekdays.FRI), 'từ Thứ Hai đến Thứ Sáu');
  // English keeps its plurals and ordinals.
  assert.equal(en.strings.rankOf(4, 15), '4th of 15');
  assert.equal(en.strings.rankOf(22, 1234), '22nd of 1,234');
  assert.equal(en.strings.machinesCount(1), '1 computer');
  assert.equal(en.strings.machinesCount(1234), '1,234 computers');
});

test('the period report names quarters and years as reports write them', () => {
  const r = vi.strings.report;
  assert.equal(r.quarter(1, 2026), 'Quý I/2026');
  assert.equal(r.quarter(4, 2025), 'Quý IV/2025');
  assert.equal(r.year(2026), 'Năm 2026');
  assert.equal(r.title('Quý I/2026'), 'Báo cáo kỳ: Quý I/2026');
  assert.equal(r.points(0.021), '+2,1 điểm %');
  assert.equal(r.points(-1 / 6), '−16,7 điểm %');
  assert.equal(r.points(0), '±0 điểm %');
  assert.equal(r.rankUp(2), 'tăng 2 bậc');
  assert.equal(r.rankUp(-1), 'giảm 1 bậc');
  assert.equal(r.notMet(vi.format.pctTarget(0.98)), 'chưa đạt chỉ tiêu 98%');
  const e = en.strings.report;
  assert.equal(e.quarter(1, 2026), 'Q1 2026');
  assert.equal(e.year(2026), 'Year 2026');
  assert.equal(e.points(0.021), '+2.1 points');
  assert.equal(e.rankUp(1), 'up 1 place');
  assert.equal(e.rankUp(-3), 'down 3 places');
});

test('numbers and dates are pinned for vi-VN and en-GB', () => {
  const at = '2026-03-31T07:05:00Z'; // 14:05 in Hà Nội
  const v = formatter('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  assert.equal(v.pct(0.982), '98,2%');
  assert.equal(v.pct(2 / 3), '66,7%');
  assert.equal(v.pct(1), '100,0%');
  assert.equal(v.pctTarget(0.98), '98%');
  assert.equal(v.pctTarget(0.955), '95,5%');
  assert.equal(v.num(12345), '12.345');
  assert.equal(v.decimal(5.12), '5,1');
  assert.equal(v.bytes(5497558138), '5,1 GiB');
  assert.equal(v.bytes(8589934592), '8 GiB');
  assert.equal(v.date(at), '31/03/2026');
  assert.equal(v.dateTime(at), '31/03/2026 14:05:00');
  assert.equal(v.dateTime('2026-12-07T17:14:27Z'), '08/12/2026 00:14:27', 'to the second, in the zone asked for');
  assert.equal(v.dayLabel(at), '31/3');
  assert.equal(v.calendarDate('2024-03-14'), '14/03/2024');
  assert.equal(v.ago('2026-03-31T07:00:00Z', Date.parse(at)), '5 phút trước');
  assert.equal(v.ago('2026-03-30T07:05:00Z', Date.parse(at)), 'hôm qua');

  const e = formatter('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  assert.equal(e.pct(0.982), '98.2%');
  assert.equal(e.num(12345), '12,345');
  assert.equal(e.bytes(5497558138), '5.1 GiB');
  assert.equal(e.date(at), '31 Mar 2026');
  assert.equal(e.dateTime(at), '31 Mar 2026, 14:05:00');
  assert.equal(e.dayLabel(at), '31 Mar');
  assert.equal(e.calendarDate('2024-03-14'), '14 Mar 2024');
  assert.equal(e.ago('2026-03-31T07:00:00Z', Date.parse(at)), '5 minutes ago');

  for (const f of [v, e]) {
    for (const missing of [null, undefined, Number.NaN]) {
      assert.equal(f.pct(missing), '–');
      assert.equal(f.num(missing), '–');
      assert.equal(f.bytes(missing), '–');
      assert.equal(f.dateTime(missing), '–');
    }
  }
});

test('the readiness quantities the collector sends are said in Vietnamese', () => {
  const t = vi.strings;
  const GIB = 1024 ** 3;
  const n = (unit, value, bound) => ({ unit, value, ...(bound ? { bound } : {}) });
  const name = (text) => ({ unit: 'name', text });
  const state = (text) => ({ unit: 'state', text });
  // The shapes coverage/Readiness.java sends: rule, side, quantities, what the page says.
  const cases = [
    ['memory', 'value', [n('bytes', 3.8 * GIB)], '3,8 GiB'],
    ['memory', 'expected', [n('bytes', 4 * GIB, 'min')], 'tối thiểu 4 GiB'],
    ['logicalCpus', 'value', [n('count', 1)], '1'],
    ['logicalCpus', 'expected', [n('count', 2, 'min')], 'tối thiểu 2'],
    ['os', 'value', [name('Windows 7')], 'Windows 7'],
    ['os', 'expected', [{ unit: 'names', texts: ['Windows XP', 'Windows 7'], bound: 'not' }],
      'không phải Windows XP, Windows 7'],
    ['systemDiskFree', 'value', [n('ratio', 0.02), n('bytes', 5.1 * GIB)], 'còn trống 2% (5,1 GiB)'],
    ['systemDiskFree', 'value', [n('ratio', 0.531), n('bytes', 136 * GIB)], 'còn trống 53,1% (136 GiB)'],
    ['systemDiskFree', 'expected', [n('ratio', 0.1, 'min'), n('bytes', 5 * GIB, 'min')],
      'còn trống tối thiểu 10% và 5 GiB'],
    ['clock', 'value', [n('seconds', 3899)], 'lệch 3.899 giây'],
    ['clock', 'value', [n('seconds', -17)], 'lệch -17 giây'],
    ['clock', 'expected', [n('seconds', 300, 'max')], 'lệch không quá 300 giây'],
    ['antiMalware', 'value', [state('protected'), name('Kaspersky Endpoint Security for Windows')],
      'Kaspersky Endpoint Security for Windows: đang bật, mẫu nhận diện mới nhất'],
    ['antiMalware', 'value', [state('out_of_date'), name('Bkav Pro Internet Security')],
      'Bkav Pro Internet Security: mẫu nhận diện đã cũ'],
    ['antiMalware', 'value', [state('disabled'), name('Windows Defender')], 'Windows Defender: đang tắt'],
    ['antiMalware', 'value', [state('none')], 'không có phần mềm phòng chống mã độc'],
    ['antiMalware', 'expected', [state('protected')], 'có phần mềm đang bật, mẫu nhận diện mới nhất'],
    ['osUpdates', 'value', [n('days', 12)], 'cập nhật lần cuối 12 ngày trước'],
    ['osUpdates', 'value', [n('days', 1234)], 'cập nhật lần cuối 1.234 ngày trước'],
    ['osUpdates', 'expected', [n('days', 60, 'max')], 'có bản cập nhật trong vòng 60 ngày'],
  ];
  for (const [rule, which, amounts, page] of cases) {
    const check = { rule, [which === 'value' ? 'measured' : 'required']: amounts, value: 'English', expected: 'English' };
    assert.deepEqual(checkText(t, check, which), { text: page }, `${rule}.${which}`);
  }
  const check = (rule, measured) => ({ rule, measured, required: [], value: 'English', expected: 'English' });
  assert.equal(checkText(en.strings, check('systemDiskFree', [n('ratio', 0.02), n('bytes', 5.1 * GIB)]), 'value').text,
    '2% free (5.1 GiB)');
  assert.equal(checkText(en.strings, check('osUpdates', [n('days', 1)]), 'value').text, 'last update 1 day ago');
  assert.equal(checkText(en.strings, check('antiMalware', [state('out_of_date'), name('Bkav')]), 'value').text,
    'Bkav: definitions out of date');
  // A rule this page has no phrase for (one the collector added later): its quantities said by
  // unit and bound in the page's language; its name as the collector sends it.
  assert.deepEqual(checkText(t, { rule: 'newRule', required: [n('count', 3, 'min')], expected: '>= 3' }, 'expected'),
    { text: 'tối thiểu 3' });
  assert.deepEqual(checkText(t, { rule: 'newRule', required: [n('bytes', 20 * GIB, 'min')], expected: '>= 20 GiB' }, 'expected'),
    { text: 'tối thiểu 20 GiB' });
  assert.deepEqual(checkText(t, { rule: 'newRule', measured: [n('bytes', 12.5 * GIB), n('ratio', 0.25)], value: '12.5 GiB' }, 'value'),
    { text: '12,5 GiB, 25%' });
  assert.deepEqual(checkText(en.strings, { rule: 'newRule', required: [n('days', 1, 'max')], expected: '<= 1' }, 'expected'),
    { text: 'at most 1 day' });
  assert.deepEqual(checkText(t, { rule: 'newRule', measured: [n('seconds', 1234)], value: '1234 s' }, 'value'),
    { text: '1.234 giây' });
  assert.equal(ruleName(t, { rule: 'newRule' }), 'newRule');
  learnRuleNames([{ rule: 'newRule', names: { en: 'New rule', vi: 'Quy tắc mới' } }]);
  assert.equal(ruleName(t, { rule: 'newRule' }), 'Quy tắc mới');
  assert.equal(ruleName(en.strings, { rule: 'newRule' }), 'New rule');
  // A quantity the page has no words for: the API's English text, marked English, never guessed at.
  assert.deepEqual(checkText(t, { rule: 'newRule', required: [n('furlongs', 3, 'min')], expected: '>= 3 furlongs' }, 'expected'),
    { text: '>= 3 furlongs', lang: 'en' });
  // An unknown value (no quantities): the page's dash.
  assert.deepEqual(checkText(t, { rule: 'clock', measured: null, value: null }, 'value'), { text: '–' });
});

test('the language is the stored choice, else the browser\'s first one the page speaks, else English', async () => {
  // i18n.js reads the browser at load: give it a stand-in.
  globalThis.localStorage = { getItem: () => null, setItem() {} };
  globalThis.document = { documentElement: {} };
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['vi-VN', 'vi', 'en-US'] }, configurable: true });
  const i18n = await webModule('i18n.js');
  assert.equal(i18n.lang, 'vi');
  assert.equal(globalThis.document.documentElement.lang, 'vi');
  assert.equal(i18n.strings.lang, 'vi');
  assert.equal(i18n.format.locale, 'vi-VN');
  assert.deepEqual(i18n.languages(), [
    { code: 'vi', name: 'Tiếng Việt', current: true },
    { code: 'en', name: 'English', current: false },
  ]);
  const choose = i18n.chooseLanguage;
  assert.equal(choose(null, ['vi-VN', 'en-US']), 'vi');
  assert.equal(choose(null, ['en-US', 'vi-VN']), 'en');
  assert.equal(choose(null, ['fr-FR', 'VI']), 'vi');
  assert.equal(choose(null, ['fr-FR', 'de']), 'en');
  assert.equal(choose(null, []), 'en');
  assert.equal(choose('en', ['vi-VN']), 'en');
  assert.equal(choose('vi', ['en-US']), 'vi');
  assert.equal(choose('xx', ['vi-VN']), 'vi');
});
