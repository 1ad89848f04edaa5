// Picks the strings file for the browser's preferred language; English when there is none.
// To add a translation: copy strings.en.js to strings.<lang>.js, translate it, list it here.
const available = { en: './strings.en.js' };

function choose() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = String(tag).toLowerCase().split('-')[0];
    if (available[lang]) return lang;
  }
  return 'en';
}

const lang = choose();
const mod = await import(available[lang]);
document.documentElement.lang = lang;

export const { strings, plural, ordinal } = mod;
