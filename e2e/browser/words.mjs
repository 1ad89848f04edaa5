// Helpers shared by the strings test and the browser test: walking a strings file, and the English
// words that only the English page uses (what must not appear on the Vietnamese page).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The status page's folder in the collector's sources. */
export const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'collector', 'src', 'main', 'resources', 'web');

/** Imports one of the status page's modules (pure ones: strings.*.js, format.js, checks.js). */
export function webModule(file) {
  return import(pathToFileURL(path.join(WEB, file)).href);
}

/** [path, value] for every leaf of a strings object: 'col.staff' -> 'Staff'. */
export function leaves(obj, prefix = '') {
  return Object.entries(obj).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const SAMPLE_ARGS = [3, 7, 11, 13];

/** What a leaf says: the string, or a function's sentence with small distinct numbers as arguments. */
export function said(value) {
  return typeof value === 'function' ? String(value(...SAMPLE_ARGS.slice(0, value.length))) : String(value);
}

// Words both languages write: the product's name, units, protocol, file-format and hardware names,
// the names of the operating system and of anti-malware products the page names itself, and "Thu"
// (Thursday in English, a Vietnamese word as in "thu hồi").
const SHARED = new Set([
  'digiready', 'internet', 'gib', 'mib', 'kib', 'tib', 'mhz', 'mbit', 'bit', 'http', 'https', 'dns', 'tcp',
  'tls', 'csv', 'utf', 'excel', 'mac', 'proxy', 'post', 'bios', 'uefi', 'ram', 'cpu', 'thu', 'pdf',
  'windows', 'microsoft', 'defender', 'clamav',
]);
// API paths such as /api/v1/units/import are codes, not words.
const PATH = /\/[\w./-]+/g;

/** The words of a text, lower case, paths left out. */
export function wordsOf(text) {
  return (String(text).replace(PATH, ' ').match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
}

/**
 * The English words of 3 letters or more that the English strings use, less those both languages
 * write: what must not appear on a page in another language. Made from strings.en.js alone, so a
 * string left in English in strings.vi.js cannot hide itself.
 */
export function englishOnlyWords(en) {
  const words = leaves(en).flatMap(([, v]) => wordsOf(said(v))).filter((w) => /^[a-z]{3,}$/.test(w) && !SHARED.has(w));
  return [...new Set(words)].sort();
}
