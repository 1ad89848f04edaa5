// A readiness check's measured value and requirement arrive from the collector as typed quantities
// (coverage/Readiness.java: measured and required, each a list of {unit, value | text | texts,
// bound}): bytes, a count, a ratio, seconds, days, a name, or an anti-malware state. A rule with a
// phrase of its own in the page's strings (t.checkTexts[rule][which]) is said with it; any other
// rule, one the page has never heard of too, quantity by quantity in the page's words for its unit
// and bound (t.quantity, t.bound), so that a new rule of the collector needs no change here. No
// text of the API is parsed. Pure: the Node tests pin every rule.

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

/** Any rule's quantities in the page's words, by unit and bound; null for a unit it has no words for. */
function generic(t, amounts) {
  const parts = amounts.map((a) => {
    let part;
    if (a.unit === 'name') part = a.text; // a proper name: as the machine or the policy gave it
    else if (a.unit === 'names') part = (a.texts ?? []).join(', ');
    else if (typeof t.quantity?.[a.unit] === 'function' && typeof a.value === 'number') part = t.quantity[a.unit](a.value);
    if (part === undefined || part === null) return null;
    if (!a.bound) return part;
    return typeof t.bound?.[a.bound] === 'function' ? t.bound[a.bound](part) : null;
  });
  return parts.includes(null) ? null : parts.join(', ');
}

// The rules' names in each language, as GET /api/v1/readiness-rules gives them: a page that shows
// checks loads them first (learnRuleNames), so a rule added to the collector has its name too.
const ruleNames = new Map();

/** Keeps the rules' names of the collector's answer, [{rule, names: {en, vi}}]. */
export function learnRuleNames(rules) {
  for (const r of rules ?? []) ruleNames.set(r.rule, r.names ?? {});
}

/** A rule's name in the page's language; its label when the collector did not name it. */
export function ruleName(t, check) {
  return ruleNames.get(check.rule)?.[t.lang] ?? check.rule;
}

/**
 * One side ('value' or 'expected') of a check in the page's language: {text}, or {text, lang:
 * 'en'} for a quantity this page has no words for (the API's English text, shown as given). `t` is
 * the page's strings; `check` one element of readiness.checks.
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
  if (typeof say === 'function' && typeof args === 'function') return { text: say(...args(amounts)) };
  const said = generic(t, amounts);
  return said === null ? { text: english, lang: 'en' } : { text: said };
}
