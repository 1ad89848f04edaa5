// The page's language: the one chosen with the switch in the header (kept in localStorage), else
// the first of the browser's languages (navigator.languages) that the page speaks, else English.
// A link may choose too: /?lang=vi (the quick start's demo prints one) counts as using the switch.
// Exports that language's strings and its formatter (format.js); every page takes both from here.
// To add a translation: copy strings.en.js to strings.<lang>.js, translate it, list it below (the
// Node test checks that its keys match English).
import * as vi from './strings.vi.js';
import * as en from './strings.en.js';

/** The languages the page speaks, in the order the switch shows them. */
const AVAILABLE = { vi, en };
const KEY = 'digiready.lang';

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage switched off: the browser's language still applies
  }
}

/** The page's language code for the stored choice and the browser's list of preferred tags. */
export function chooseLanguage(choice, preferred) {
  if (choice && AVAILABLE[choice]) return choice;
  for (const tag of preferred ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (AVAILABLE[primary]) return primary;
  }
  return 'en';
}

/** ?lang=xx in the page's address: kept as the reader's choice, then taken out of the address. */
function linked() {
  if (typeof location === 'undefined' || !location.search) return null;
  const params = new URLSearchParams(location.search);
  const code = params.get('lang');
  if (!code || !AVAILABLE[code]) return null;
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // storage switched off: this page still shows the linked language
  }
  params.delete('lang');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
  return code;
}

export const lang = chooseLanguage(linked() ?? stored(), navigator.languages?.length ? navigator.languages : [navigator.language]);
const chosen = AVAILABLE[lang];
export const { strings, format, locale } = chosen;

document.documentElement.lang = lang;

/** [{code, name, current}] for the switch; each name is written in its own language. */
export function languages() {
  return Object.entries(AVAILABLE).map(([code, mod]) => ({ code, name: mod.strings.languageName, current: code === lang }));
}

/**
 * Remembers the choice and reloads the page in that language. The sign-in token is in
 * sessionStorage (localStorage when remembered) and the route in the URL's hash, so the reader
 * stays signed in on the same page.
 */
export function switchLanguage(code) {
  if (!AVAILABLE[code] || code === lang) return;
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Storage switched off: then sessionStorage is too, so no one is signed in here either;
    // the page stays in the browser's language.
    return;
  }
  location.reload();
}
