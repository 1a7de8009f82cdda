// Entry point: session, header, hash routes (#/queue, #/lead/ID, #/stats, #/admin) and the live connection.

import { currentSession, login, logout, onUnauthorized } from './api.js';
import { connect, disconnect, on } from './events.js';
import { el, clear } from './dom.js';
import { currentLanguage, loadLanguage, storedLanguage, t } from './i18n.js';
import { atLeast } from './vocab.js';
import { renderQueue } from './queue.js';
import { renderLead } from './lead.js';
import { renderStats } from './stats.js';
import { renderAdmin } from './admin.js';

const main = document.getElementById('main');
let session = null;
let leaveView = null;

const ROUTES = [
  [/^#\/lead\/(.+)$/, (m, ctx) => renderLead(ctx, decodeURIComponent(m[1]))],
  [/^#\/stats$/, (m, ctx) => renderStats(ctx)],
  [/^#\/admin$/, (m, ctx) => (atLeast(session.role, 'admin') ? renderAdmin(ctx) : renderForbidden(ctx))],
  [/^(#\/?(queue)?)?$/, (m, ctx) => renderQueue(ctx)],
];

export function toast(message) {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.dataset.visible = 'true';
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.dataset.visible = 'false'; }, 6000);
}

function renderForbidden(ctx) {
  ctx.main.append(el('section', { class: 'view', dataset: { view: 'forbidden' } },
    el('h1', { text: t('forbidden.title') }),
    el('p', { text: t('forbidden.text') }),
    el('a', { href: '#/queue', text: t('common.back_to_queue') })));
}

function route() {
  if (leaveView) leaveView();
  leaveView = null;
  clear(main);
  if (!session) {
    renderLogin();
    return;
  }
  markCurrentNav();
  const hash = window.location.hash;
  const ctx = { main, session, toast, onLeave: (fn) => { leaveView = fn; } };
  const match = ROUTES.map(([pattern, view]) => [hash.match(pattern), view]).find(([m]) => m);
  if (match) match[1](match[0], ctx);
  else renderNotFound();
}

function renderNotFound() {
  main.append(el('section', { class: 'view', dataset: { view: 'not-found' } },
    el('h1', { text: t('notfound.title') }), el('a', { href: '#/queue', text: t('common.back_to_queue') })));
}

function markCurrentNav() {
  const hash = window.location.hash || '#/queue';
  document.querySelectorAll('.nav a').forEach((a) => {
    const current = hash.startsWith(a.getAttribute('href'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function renderLogin(errorKey) {
  document.getElementById('top').hidden = true;
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert' }, errorKey ? t(errorKey) : '');
  const username = el('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, maxlength: 128 });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 128 });
  const form = el('form', { class: 'login', id: 'login-form', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const user = await login(username.value.trim(), password.value);
      startSession(user);
    } catch (e) {
      error.textContent = t(e.status === 429 ? 'login.throttled' : e.status === 401 ? 'login.wrong' : 'common.error');
      password.value = '';
      password.focus();
    }
  } },
  el('h1', { text: t('login.title') }),
  el('label', { for: 'login-username', text: t('login.username') }), username,
  el('label', { for: 'login-password', text: t('login.password') }), password,
  el('button', { type: 'submit', id: 'login-submit', text: t('login.submit') }),
  error,
  el('p', { class: 'hint', text: t('login.hint') }));
  main.append(el('section', { class: 'view', dataset: { view: 'login' } }, form, languageNote()));
  username.focus();
}

function languageNote() {
  return el('p', { class: 'hint' }, el('button', { type: 'button', class: 'link', id: 'login-lang', onclick: switchLanguage,
    text: currentLanguage() === 'fra' ? 'English' : 'Français' }));
}

function startSession(user) {
  session = user;
  document.getElementById('top').hidden = false;
  document.getElementById('whoami').textContent = t('nav.whoami', { user: user.username, role: t(`role.${user.role}`) });
  document.getElementById('nav-admin').hidden = !atLeast(user.role, 'admin');
  connect();
  route();
}

function endSession(errorKey) {
  session = null;
  disconnect();
  clear(main);
  renderLogin(errorKey);
}

async function switchLanguage() {
  await loadLanguage(currentLanguage() === 'fra' ? 'eng' : 'fra');
  document.getElementById('lang-switch').textContent = currentLanguage() === 'fra' ? 'English' : 'Français';
  if (session) document.getElementById('whoami').textContent = t('nav.whoami', { user: session.username, role: t(`role.${session.role}`) });
  route();
}

function showLiveState(up) {
  const live = document.getElementById('live');
  live.dataset.state = up ? 'on' : 'off';
  live.textContent = t(up ? 'live.on' : 'live.off');
}

async function boot() {
  await loadLanguage(storedLanguage());
  document.getElementById('lang-switch').textContent = currentLanguage() === 'fra' ? 'English' : 'Français';
  document.getElementById('lang-switch').addEventListener('click', switchLanguage);
  document.getElementById('logout').addEventListener('click', async () => {
    try { await logout(); } finally { endSession(); }
  });
  on('state', showLiveState);
  onUnauthorized(() => { if (session) endSession('login.expired'); });
  window.addEventListener('hashchange', route);
  const existing = await currentSession();
  if (existing) startSession(existing);
  else route();
}

boot().catch(() => {
  clear(main).append(el('p', { class: 'error', role: 'alert', text: 'Kunnafoni: erreur de chargement / loading error' }));
});
