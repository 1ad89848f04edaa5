// A readiness check's measured value and requirement arrive from the collector as English text
// (coverage/Readiness.java: "8 GiB", ">= 4 GiB", "2 %, 5.1 GiB free", "17 s off", "within 300 s",
// "not Windows XP, ...", "Windows Defender: switched off", "12 days ago"). Until the API also gives
// the numbers, this reads those known shapes so that the page can say them in its own language with
// its own number format. Any other text is shown as given and marked lang="en", so a change on the
// collector's side degrades to English rather than to a wrong figure. Pure: the Node tests pin
// every shape against Readiness.java's.
//
// A side with several shapes (the anti-malware states) is an object of named shapes; the strings
// then have one function per name. A product's name is a proper name: it goes into the sentence
// as the agent reported it.

const N = '(-?\\d+(?:\\.\\d+)?)';
const shape = (source) => new RegExp(`^${source}$`);

const SHAPES = {
  memory: { value: shape(`${N} GiB`), expected: shape(`>= ${N} GiB`) },
  logicalCpus: { value: shape(`${N}`), expected: shape(`>= ${N}`) },
  // The operating system's name is a proper name: shown as the agent reported it.
  os: { value: null, expected: shape('not (.+)') },
  systemDiskFree: { value: shape(`${N} %, ${N} GiB free`), expected: shape(`>= ${N} % and >= ${N} GiB free`) },
  clock: { value: shape(`${N} s off`), expected: shape(`within ${N} s`) },
  antiMalware: {
    value: {
      protected: shape('(.+): enabled, up to date'),
      outOfDate: shape('(.+): out of date'),
      switchedOff: shape('(.+): switched off'),
      none: shape('no product'),
    },
    expected: shape('enabled, up to date'),
  },
  osUpdates: { value: shape(`${N} days ago`), expected: shape(`within ${N} days`) },
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
  let say = t.checkTexts?.[rule]?.[which];
  const shapes = rules?.[which];
  let match = null;
  if (shapes instanceof RegExp) {
    match = shapes.exec(text);
  } else if (shapes) {
    for (const [name, re] of Object.entries(shapes)) {
      match = re.exec(text);
      if (match) {
        say = say?.[name];
        break;
      }
    }
  }
  if (!match || typeof say !== 'function') return { text, lang: 'en' };
  return { text: say(...match.slice(1).map((x) => (NUMERIC.test(x) ? Number(x) : x))) };
}
