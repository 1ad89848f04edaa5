// The status page: sign-in, the header, and the hash routes #/units, #/units/CODE, #/machines/ID, #/tokens,
// #/report/CODE[/FROM/TO] (the period report).
import { strings as t, languages, switchLanguage } from './i18n.js';
import { h } from './dom.js';
import { api as call, ApiError, token, keepToken, forgetToken } from './api.js';
import { unitsPage } from './units.js';
import { unitPage } from './unit.js';
import { machinePage } from './machine.js';
import { tokensPage } from './tokens.js';
import { reportPage } from './report.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const langSwitch = document.getElementById('lang');
let session = null;
let navigation = 0;
let firstRender = true;

/** Thrown out of a page when the token stopped being accepted: back to the sign-in form. */
class SignedOut extends Error {}

async function api(path, options) {
  try {
    return await call(path, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      endSession(t.sessionEnded);
      throw new SignedOut();
    }
    throw e;
  }
}

/**
 * Marks the page as ready once the new content has been laid out and painted: data-ready on <main>
 * (what the browser tests wait for) and a performance mark (what the bench reads).
 */
function ready(name, title) {
  const current = navigation;
  document.title = title ? `${title} · ${t.appName}` : t.appName;
  if (!firstRender) main.querySelector('h1')?.focus();
  firstRender = false;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (current !== navigation) return;
      main.dataset.ready = name;
      performance.mark(`digiready-ready-${name}`);
    }, 0),
  );
}

function header() {
  if (!session) {
    nav.hidden = true;
    who.hidden = true;
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  const links = [h('a', { href: '#/units' }, t.navUnits)];
  if (session.role === 'admin') links.push(h('a', { href: '#/tokens' }, t.navViewerTokens));
  nav.replaceChildren(h('ul', null, links.map((a) => h('li', null, a))));
  nav.hidden = false;
  const out = h('button', { type: 'button', id: 'sign-out', class: 'quiet' }, t.signOut);
  out.addEventListener('click', () => endSession(t.signedOut));
  who.replaceChildren(
    h('span', { class: ['role', `role-${session.role}`], 'data-role': session.role }, t.signedInAs(session.name ?? '', t.roles[session.role] ?? session.role)),
    ' ',
    out,
  );
  who.hidden = false;
}

/** "Tiếng Việt | English": each name in its own language; a choice is remembered and reloads the page. */
function languageSwitch() {
  const buttons = languages().map(({ code, name, current }) => {
    const b = h('button', { type: 'button', class: 'lang-choice', lang: code, 'data-lang': code, 'aria-pressed': String(current) }, name);
    b.addEventListener('click', () => switchLanguage(code));
    return b;
  });
  const items = buttons.flatMap((b, i) => (i === 0 ? [b] : [h('span', { class: 'sep', 'aria-hidden': 'true' }, '|'), b]));
  langSwitch.setAttribute('aria-label', t.languageSwitch);
  langSwitch.replaceChildren(...items);
  langSwitch.hidden = false;
}

function endSession(message) {
  forgetToken();
  session = null;
  navigation++;
  history.replaceState(null, '', location.pathname + location.search);
  header();
  signIn(message);
}

/**
 * The token of a sign-in link (#token=..., made on the viewer-token page), or null. It is taken
 * out of the address at once, before anything is asked of the server, so that it stays neither in
 * the address bar nor in the tab's history; the fragment itself never reaches the server.
 */
function linkedToken() {
  const m = /^#token=([^&]*)/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    return decodeURIComponent(m[1]).trim() || null;
  } catch {
    return null;
  }
}

function signIn(message, prefilled = null) {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'token-hint signin-error',
  });
  if (prefilled) input.value = prefilled;
  const remember = h('input', { id: 'remember', name: 'remember', type: 'checkbox', 'aria-describedby': 'remember-hint' });
  const error = h('p', { id: 'signin-error', class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit' }, t.signInButton);
  const form = h(
    'form',
    { class: 'signin', novalidate: true },
    h('label', { for: 'token' }, t.tokenLabel),
    input,
    h('p', { id: 'token-hint', class: 'hint' }, t.tokenHint),
    h('div', { class: 'remember' }, remember, ' ', h('label', { for: 'remember' }, t.remember)),
    h('p', { id: 'remember-hint', class: 'hint' }, t.rememberHint),
    button,
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    error.textContent = '';
    if (!candidate) {
      error.textContent = t.emptyToken;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t.signingIn;
    try {
      session = await call('/session', { bearer: candidate });
      keepToken(candidate, remember.checked);
      input.value = '';
      header();
      if (!location.hash || location.hash === '#/') location.hash = '#/units';
      else route();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401 ? t.badToken : describe(e);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      input.select();
    } finally {
      button.disabled = false;
      button.textContent = t.signInButton;
    }
  });
  main.replaceChildren(
    h(
      'div',
      { class: 'signin-box' },
      h('h1', null, t.signInTitle),
      message ? h('p', { class: 'notice', role: 'status' }, message) : null,
      h('p', null, t.signInIntro),
      form,
    ),
  );
  ready('signin', t.signInTitle);
  (prefilled ? remember : input).focus();
}

function describe(e) {
  if (!(e instanceof ApiError)) return String(e?.message ?? e);
  if (e.status === 0) return t.unreachable;
  if (e.status === 403) return t.forbidden;
  return t.serverError(e.status, e.detail);
}

function page(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  if (parts[0] === '' || (parts[0] === 'units' && parts.length === 1)) return ['units', () => unitsPage(api)];
  if (parts[0] === 'units' && parts.length === 2) return ['unit', () => unitPage(api, parts[1])];
  if (parts[0] === 'machines' && parts.length === 2) return ['machine', () => machinePage(api, parts[1])];
  if (parts[0] === 'report' && (parts.length === 2 || parts.length === 4)) return ['report', () => reportPage(api, parts[1], parts[2], parts[3])];
  // A viewer who types #/tokens gets the API's 403 in plain words.
  if (parts[0] === 'tokens' && parts.length === 1) return ['tokens', () => tokensPage(api)];
  return ['notfound', null];
}

async function route() {
  const current = ++navigation;
  delete main.dataset.ready;
  const linked = linkedToken();
  if (linked) {
    session = null;
    header();
    signIn(t.linkSignIn, linked);
    return;
  }
  if (!token()) {
    session = null;
    header();
    signIn(null);
    return;
  }
  try {
    // Who is signed in and the page's own data are asked for at the same time.
    const who = session
      ? null
      : api('/session').then((s) => {
          if (current === navigation) {
            session = s;
            header();
          }
        });
    const [name, load] = page(location.hash);
    if (!load) {
      await who;
      main.replaceChildren(h('h1', { tabindex: '-1' }, t.notFound), h('p', null, h('a', { href: '#/units' }, t.navUnits)));
      ready('notfound', t.notFound);
      return;
    }
    if (main.childElementCount === 0 || main.querySelector('.signin-box')) main.replaceChildren(h('p', { class: 'loading' }, t.loading));
    main.setAttribute('aria-busy', 'true');
    const [{ title, view }] = await Promise.all([load(), who]);
    if (current !== navigation) return;
    main.replaceChildren(...view.filter(Boolean));
    ready(name, title);
  } catch (e) {
    if (e instanceof SignedOut || current !== navigation) return;
    main.replaceChildren(h('h1', { tabindex: '-1' }, t.appName), h('p', { class: 'error', role: 'alert' }, describe(e)));
    ready('error', null);
  } finally {
    if (current === navigation) main.removeAttribute('aria-busy');
  }
}

window.addEventListener('hashchange', route);
document.querySelector('.skip').textContent = t.skipToContent;
nav.setAttribute('aria-label', t.mainNav);
languageSwitch();
route();
