// A readiness check's measured value and requirement arrive from the collector as English text
// (coverage/Readiness.java: "8 GiB", ">= 4 GiB", "2 %, 5.1 GiB free", "17 s off", "within 300 s",
// "not Windows XP, ..."). Until the API also gives the numbers, this reads those five known shapes
// so that the page can say them in its own language with its own number format. Any other text is
// shown as given and marked lang="en", so a change on the collector's side degrades to English
// rather than to a wrong figure. Pure: the Node tests pin every shape against Readiness.java's.

const N = '(-?\\d+(?:\\.\\d+)?)';
const shape = (source) => new RegExp(`^${source}$`);

const SHAPES = {
  memory: { value: shape(`${N} GiB`), expected: shape(`>= ${N} GiB`) },
  logicalCpus: { value: shape(`${N}`), expected: shape(`>= ${N}`) },
  // The operating system's name is a proper name: shown as the agent reported it.
  os: { value: null, expected: shape('not (.+)') },
  systemDiskFree: { value: shape(`${N} %, ${N} GiB free`), expected: shape(`>= ${N} % and >= ${N} GiB free`) },
  clock: { value: shape(`${N} s off`), expected: shape(`within ${N} s`) },
};

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/**
 * The text of one side ('value' or 'expected') of a check in the page's language:
 * {text} when it was understood (or is a name), {text, lang: 'en'} when shown as the API gave it.
 * `t` is the page's strings (t.checkTexts[rule][which] receives the numbers read).
 */
export function checkText(t, rule, which, text) {
  if (text === null || text === undefined || text === '') return { text: t.noFigure };
  const rules = SHAPES[rule];
  if (rules && rules[which] === null) return { text };
  const say = t.checkTexts?.[rule]?.[which];
  const match = rules?.[which]?.exec(text);
  if (!match || typeof say !== 'function') return { text, lang: 'en' };
  return { text: say(...match.slice(1).map((x) => (NUMERIC.test(x) ? Number(x) : x))) };
}
