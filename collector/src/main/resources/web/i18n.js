// Picks the strings file for the browser's preferred language; English when there is none.
// Exports that language's strings and its formatter (format.js); every page takes both from here.
// To add a translation: copy strings.en.js to strings.<lang>.js, translate it, list it here.
import * as en from './strings.en.js';

const AVAILABLE = { en };

function choose() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = String(tag).toLowerCase().split('-')[0];
    if (AVAILABLE[lang]) return lang;
  }
  return 'en';
}

export const lang = choose();
export const { strings, format, locale } = AVAILABLE[lang];
document.documentElement.lang = lang;
