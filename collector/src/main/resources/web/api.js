// Calls to the collector's API with the signed-in token. The token lives in sessionStorage (gone
// when the tab closes or the person signs out), or in localStorage when the person ticked
// "remember on this computer" (an office's own PC, opened from a sign-in link): then until they
// sign out or the token stops being accepted.
const KEY = 'digiready.token';

export class ApiError extends Error {
  constructor(status, error, detail) {
    super(detail || error || `HTTP ${status}`);
    this.status = status;
    this.error = error;
    this.detail = detail;
  }
}

function stored(storage) {
  try {
    return storage.getItem(KEY);
  } catch {
    return null; // storage switched off
  }
}

export function token() {
  return stored(sessionStorage) ?? stored(localStorage);
}

/** Keeps the token for this tab, or on this computer when `remember`. */
export function keepToken(value, remember = false) {
  forgetToken();
  (remember ? localStorage : sessionStorage).setItem(KEY, value);
}

export function forgetToken() {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      storage.removeItem(KEY);
    } catch {
      // storage switched off: nothing was kept there
    }
  }
}

async function call(path, { method = 'GET', body, bearer = token() } = {}) {
  const headers = { Authorization: `Bearer ${bearer}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, 'unreachable', String(e));
  }
  if (!response.ok) {
    let error = null;
    let detail = null;
    try {
      ({ error, detail } = await response.json());
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, error, detail);
  }
  return response;
}

/** The parsed JSON of a call, or null for 204. */
export async function api(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

/** The file name in a Content-Disposition header (RFC 6266, filename* first). */
export function fileName(header, fallback) {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : fallback;
}

/** Downloads a report with the token in the header (a plain link could not send it). */
export async function download(path, fallbackName) {
  const response = await call(path);
  const name = fileName(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
