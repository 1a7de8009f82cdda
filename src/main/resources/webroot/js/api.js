// The JSON API (see api/openapi.yaml). The session lives in an HttpOnly cookie the script cannot read;
// state-changing calls carry the session's CSRF token, which a page from another origin cannot learn.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const listeners = new Set();

/** Called with every 401 so the app can show the login form. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`api/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 401 && path !== 'login') listeners.forEach((l) => l());
    throw new ApiError(response.status, (data && data.error) || response.statusText);
  }
  return data;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function currentSession() {
  try {
    const session = await api('GET', 'session');
    csrfToken = session.csrf;
    return session;
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

export async function login(username, password) {
  const session = await api('POST', 'login', { username, password });
  // the bearer token in the answer is for API clients; the dashboard relies on the HttpOnly cookie only
  csrfToken = session.csrf;
  return { username: session.username, role: session.role, expires_at: session.expires_at };
}

export async function logout() {
  try {
    await api('POST', 'logout');
  } finally {
    csrfToken = null;
  }
}
