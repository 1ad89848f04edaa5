// A readiness check's measured value and requirement arrive from the collector as typed quantities
// (coverage/Readiness.java: measured and required, each a list of {unit, value | text | texts,
// bound}): bytes, a count, a ratio, seconds, days, a name, or an anti-malware state. This turns them
// into the numbers the page's strings take (t.checkTexts[rule][which]), which say them in the
// page's language with its own number format. No text of the API is parsed. Pure: the Node tests
// pin every rule.

const GIB = 1024 ** 3;

const number = (amounts, unit) => amounts.find((a) => a.unit === unit)?.value;
const text = (amounts, unit) => amounts.find((a) => a.unit === unit)?.text;

// The anti-malware states of the API, by the names of the strings' functions.
const PROTECTION = { protected: 'protected', out_of_date: 'outOfDate', disabled: 'switchedOff', none: 'none' };

// Per rule, the arguments of its strings from the quantities (the same for both sides unless the
// rule has one per side).
const ARGUMENTS = {
  memory: (a) => [number(a, 'bytes') / GIB],
  logicalCpus: (a) => [number(a, 'count')],
  os: {
    value: (a) => [text(a, 'name')],
    expected: (a) => [(a.find((x) => x.unit === 'names')?.texts ?? []).join(', ')],
  },
  systemDiskFree: (a) => [number(a, 'ratio') * 100, number(a, 'bytes') / GIB],
  clock: (a) => [number(a, 'seconds')],
  antiMalware: { value: (a) => [text(a, 'name')], expected: () => [] },
  osUpdates: (a) => [number(a, 'days')],
};

/**
 * One side ('value' or 'expected') of a check in the page's language: {text}, or {text, lang:
 * 'en'} for a rule this page does not know (the API's English text, shown as given). `t` is the
 * page's strings; `check` one element of readiness.checks.
 */
export function checkText(t, check, which) {
  const amounts = which === 'value' ? check.measured : check.required;
  const english = which === 'value' ? check.value : check.expected;
  if (!amounts || amounts.length === 0) {
    return english ? { text: english, lang: 'en' } : { text: t.noFigure };
  }
  const rule = check.rule;
  let say = t.checkTexts?.[rule]?.[which];
  if (rule === 'antiMalware' && which === 'value') {
    say = say?.[PROTECTION[text(amounts, 'state')]];
  }
  // The name of the OS a machine runs is a proper name: said as the agent reported it.
  if (rule === 'os' && which === 'value') return { text: text(amounts, 'name') };
  const args = ARGUMENTS[rule]?.[which] ?? ARGUMENTS[rule];
  if (typeof say !== 'function' || typeof args !== 'function') return { text: english, lang: 'en' };
  return { text: say(...args(amounts)) };
}
