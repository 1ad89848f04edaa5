// The viewer-token page (administrators only): create a token for a person, list them, revoke one.
// A new token comes with a sign-in link for the office: the page's address with #token=... (a
// fragment: browsers never send it to the server; app.js takes it out of the address on opening).
import { strings as t, format as f } from './i18n.js';
import { h, time, timesIn, zoneNote, table, section } from './dom.js';

/** The sign-in link of a token: this page's address with the token in the fragment. */
export function signInLink(token) {
  return `${location.origin}${location.pathname}#token=${encodeURIComponent(token)}`;
}

/** A button that copies `text`, or selects `node` when the clipboard is not allowed. */
function copyButton(label, text, node) {
  const copy = h('button', { type: 'button' }, label);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      copy.textContent = t.copied;
    } catch {
      getSelection().selectAllChildren(node);
    }
  });
  return copy;
}

export async function tokensPage(api) {
  // Token times are the administration's: the zone of the top of the unit tree.
  const units = await api('/units');
  const root = units.find((u) => !u.parent) ?? units[0];
  const zone = timesIn(root?.effectiveOfficeHours?.timeZone);
  const list = h('div', { class: 'token-list' });
  const status = h('p', { role: 'status', class: 'token-status' });
  const fresh = h('div', { class: 'fresh-token', 'aria-live': 'polite' });

  const refresh = async () => {
    const tokens = await api('/viewer-tokens');
    if (tokens.length === 0) {
      list.replaceChildren(h('p', null, t.noTokens));
      return;
    }
    const rows = tokens.map((tok) => {
      const actions = h('td', { class: 'actions' });
      if (!tok.revokedAt) {
        const revoke = h('button', { type: 'button', class: 'danger', 'data-revoke': tok.id }, t.revoke);
        revoke.addEventListener('click', () => {
          const yes = h('button', { type: 'button', class: 'danger', 'data-confirm': tok.id }, t.confirmRevokeYes);
          const no = h('button', { type: 'button' }, t.cancel);
          yes.addEventListener('click', async () => {
            yes.disabled = true;
            try {
              await api(`/viewer-tokens/${encodeURIComponent(tok.id)}`, { method: 'DELETE' });
              status.textContent = t.tokenRevokedDone(tok.name);
              await refresh();
            } catch (e) {
              status.textContent = t.serverError(e.status, e.detail);
              yes.disabled = false;
            }
          });
          no.addEventListener('click', () => actions.replaceChildren(revoke));
          actions.replaceChildren(h('span', null, t.confirmRevoke(tok.name)), ' ', yes, ' ', no);
          yes.focus();
        });
        actions.append(revoke);
      }
      return h(
        'tr',
        { 'data-token': tok.id },
        h('th', { scope: 'row' }, tok.name),
        h('td', null, time(tok.createdAt, false, zone)),
        h('td', null, tok.revokedAt ? h('span', { class: 'no' }, t.tokenRevoked(f.inZone(zone).dateTime(tok.revokedAt))) : h('span', { class: 'yes' }, t.tokenActive)),
        actions,
      );
    });
    list.replaceChildren(table(null, [t.col.name, t.col.created, t.col.status, t.col.actions], rows, 'tokens'));
  };

  const input = h('input', { id: 'token-name', name: 'name', type: 'text', required: true, maxlength: '100', autocomplete: 'off', 'aria-describedby': 'token-name-hint' });
  const error = h('p', { id: 'token-name-error', class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'inline-form', novalidate: true },
    h('label', { for: 'token-name' }, t.tokenNameLabel),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, t.createToken)),
    h('p', { id: 'token-name-hint', class: 'hint' }, t.tokenNameHint),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = input.value.trim();
    error.textContent = '';
    if (!name) {
      error.textContent = t.emptyName;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    try {
      const created = await api('/viewer-tokens', { method: 'POST', body: { name } });
      const value = h('code', { class: 'secret', id: 'new-token' }, created.token);
      const link = signInLink(created.token);
      const linkText = h('code', { class: 'secret link', id: 'signin-link' }, link);
      fresh.replaceChildren(
        h('h3', null, t.newTokenTitle(created.name)),
        h('p', null, value, ' ', copyButton(t.copy, created.token, value)),
        h('p', { class: 'hint' }, t.newTokenNote),
        h('h3', null, t.signInLinkTitle),
        h('p', null, linkText, ' ', copyButton(t.copyLink, link, linkText)),
        h('p', { class: 'hint' }, t.signInLinkNote),
      );
      input.value = '';
      await refresh();
    } catch (e) {
      error.textContent = e.status > 0 ? t.serverError(e.status, e.detail) : t.unreachable;
    }
  });

  await refresh();
  return {
    title: t.tokensTitle,
    view: [
      h('h1', { tabindex: '-1' }, t.tokensTitle),
      zoneNote(zone),
      h('p', { class: 'lead' }, t.tokensIntro),
      form,
      fresh,
      status,
      section(t.tokensListTitle, 'token-list', list),
    ],
  };
}
