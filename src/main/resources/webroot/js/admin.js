// Accounts, for admins only. The menu entry is hidden from other roles and the API answers them 403 anyway.

import { api } from './api.js';
import { el, clear, select } from './dom.js';
import { formatTime, t } from './i18n.js';
import { ROLES } from './vocab.js';

export function renderAdmin(ctx) {
  const list = el('tbody', { id: 'users-body' });
  const feedback = el('p', { class: 'feedback', id: 'admin-feedback', role: 'status' });
  const roles = ROLES.map((r) => [r, t(`role.${r}`)]);
  const username = el('input', { id: 'new-username', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{2,31}', maxlength: 32, autocomplete: 'off' });
  const password = el('input', { id: 'new-password', type: 'password', required: true, minlength: 12, maxlength: 128, autocomplete: 'new-password' });
  const role = select({ id: 'new-role' }, roles, 'monitor');
  const form = el('form', { class: 'user-form', id: 'user-form', onsubmit: async (event) => {
    event.preventDefault();
    await run(() => api('POST', 'users', { username: username.value.trim(), password: password.value, role: role.value }));
    password.value = '';
  } },
  el('h2', { text: t('admin.create') }),
  el('label', { for: 'new-username', text: t('admin.username') }), username,
  el('label', { for: 'new-password', text: t('admin.password') }), password,
  el('label', { for: 'new-role', text: t('admin.role') }), role,
  el('button', { type: 'submit', text: t('admin.create_submit') }));

  ctx.main.append(el('section', { class: 'view', dataset: { view: 'admin' } },
    el('h1', { text: t('admin.title') }),
    el('table', { class: 'users' },
      el('thead', {}, el('tr', {}, ['admin.username', 'admin.role', 'admin.state', 'admin.created'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      list),
    feedback, form));

  async function run(what) {
    feedback.textContent = '';
    try {
      await what();
      feedback.textContent = t('admin.saved');
      await load();
    } catch (error) {
      feedback.textContent = error.status === 403 ? t('forbidden.title') : t('common.error_detail', { detail: error.message });
    }
  }

  async function load() {
    try {
      const answer = await api('GET', 'users');
      clear(list).append(...answer.users.map((u) => userRow(u, roles, run)));
    } catch (error) {
      feedback.textContent = error.status === 403 ? t('forbidden.title') : t('common.error_detail', { detail: error.message });
    }
  }
  load();
}

function userRow(user, roles, run) {
  const path = `users/${encodeURIComponent(user.username)}`;
  const role = select({ 'aria-label': t('admin.role'), onchange: (e) => run(() => api('PATCH', path, { role: e.target.value })) }, roles, user.role);
  return el('tr', { dataset: { user: user.username } },
    el('td', { text: user.username }),
    el('td', {}, role),
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => run(() => api('PATCH', path, { disabled: !user.disabled })) },
      t(user.disabled ? 'admin.enable' : 'admin.disable')), ' ', user.disabled ? t('admin.disabled') : t('admin.active')),
    el('td', { text: formatTime(user.created_at) }));
}
