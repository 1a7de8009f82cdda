// The review queue: filters, counts, urgent first (the API sorts), escalation flags, live updates and keyboard
// navigation (j/k or arrows move, Enter opens, / searches, r reloads).

import { api, query } from './api.js';
import { el, clear, select } from './dom.js';
import { on } from './events.js';
import { formatAgo, formatTime, label, t } from './i18n.js';
import { CATEGORIES, LANGUAGES, PRIORITIES, REGIONS, STATUSES } from './vocab.js';

const FILTERS = ['status', 'region', 'category', 'language', 'priority', 'assigned', 'q'];
const STORAGE_KEY = 'kunnafoni.queue.filters';
const PAGE = 50;
const LIVE_DELAY_MS = 250;

function loadFilters() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || '{}');
    return Object.fromEntries(FILTERS.map((name) => [name, typeof saved[name] === 'string' ? saved[name] : '']));
  } catch {
    return Object.fromEntries(FILTERS.map((name) => [name, '']));
  }
}

function options(kind, ids) {
  return [['', t('filter.any')], ...ids.map((id) => [id, label(kind, id)])];
}

export function renderQueue(ctx) {
  const filters = loadFilters();
  const changed = new Set();
  let cursor = null;
  let liveTimer = null;

  const counts = el('div', { class: 'counts', id: 'queue-counts', 'aria-live': 'polite' });
  const list = el('ol', { class: 'queue', id: 'queue-list' });
  const status = el('p', { class: 'hint', id: 'queue-status' });
  const more = el('button', { type: 'button', id: 'queue-more', hidden: true, text: t('queue.more'), onclick: () => load(true) });

  const controls = FILTERS.filter((f) => f !== 'q').map((name) => {
    const id = `filter-${name}`;
    const choices = {
      status: options('status', STATUSES), region: options('region', REGIONS),
      category: options('category', CATEGORIES), language: options('language', LANGUAGES),
      priority: options('priority', PRIORITIES),
      assigned: [['', t('filter.any')], ['me', t('filter.assigned_me')], ['none', t('filter.assigned_none')]],
    }[name];
    return el('div', { class: 'field' }, el('label', { for: id, text: t(`filter.${name}`) }),
      select({ id, name }, choices, filters[name]));
  });
  const search = el('input', { id: 'filter-q', name: 'q', type: 'search', maxlength: 200, value: filters.q,
    placeholder: t('filter.q_placeholder') });
  const form = el('form', { class: 'filters', id: 'queue-filters', role: 'search',
    onchange: (event) => { if (event.target !== search) apply(); },
    onsubmit: (event) => { event.preventDefault(); apply(); } },
  controls,
  el('div', { class: 'field' }, el('label', { for: 'filter-q', text: t('filter.q') }), search),
  el('div', { class: 'field buttons' },
    el('button', { type: 'submit', text: t('filter.apply') }),
    el('button', { type: 'button', class: 'link', id: 'filter-reset', text: t('filter.reset'), onclick: reset })));

  ctx.main.append(el('section', { class: 'view', dataset: { view: 'queue' } },
    el('h1', { text: t('queue.title') }), form, counts, status, list, more,
    el('p', { class: 'hint keys', text: t('queue.keys') })));

  function apply() {
    for (const name of FILTERS) filters[name] = form.elements[name].value.trim();
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
    load(false);
  }

  function reset() {
    for (const name of FILTERS) form.elements[name].value = '';
    apply();
  }

  async function load(append) {
    const focusedId = document.activeElement && document.activeElement.closest('.lead-row')
      ? document.activeElement.closest('.lead-row').dataset.id : null;
    const params = { ...filters, limit: PAGE, cursor: append ? cursor : null };
    status.textContent = t('common.loading');
    try {
      const page = await api('GET', `leads${query(params)}`);
      if (!append) clear(list);
      page.leads.forEach((lead) => list.append(row(lead, changed.has(lead.id))));
      changed.clear();
      cursor = page.next_cursor || null;
      more.hidden = !cursor;
      renderCounts(page.counts || {});
      status.textContent = list.children.length ? '' : t('queue.empty');
      if (focusedId) {
        const again = list.querySelector(`.lead-row[data-id="${CSS.escape(focusedId)}"] a`);
        if (again) again.focus();
      }
    } catch (error) {
      status.textContent = error.status === 404 ? t('queue.unavailable') : t('common.error_detail', { detail: error.message });
    } finally {
      list.dataset.loaded = String(Date.now());
    }
  }

  function renderCounts(c) {
    clear(counts);
    counts.append(el('span', { class: 'count total', id: 'count-total' }, t('queue.total', { n: c.total ?? 0 })));
    for (const [kind, values, ids] of [['priority', c.by_priority || {}, PRIORITIES], ['status', c.by_status || {}, STATUSES]]) {
      const group = el('span', { class: 'count-group' });
      for (const id of ids) {
        if (!values[id]) continue;
        group.append(el('button', { type: 'button', class: `chip ${kind}-${id}`, dataset: { count: `${kind}-${id}` },
          'aria-pressed': String(filters[kind] === id),
          onclick: () => { form.elements[kind].value = filters[kind] === id ? '' : id; apply(); } },
        `${label(kind, id)} ${values[id]}`));
      }
      counts.append(group);
    }
  }

  function scheduleLiveReload(lead) {
    if (lead && lead.id) changed.add(lead.id);
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => load(false), LIVE_DELAY_MS);
  }

  function onKey(event) {
    if (event.target.matches('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
    const links = [...list.querySelectorAll('.lead-row a')];
    const index = links.indexOf(document.activeElement);
    if (event.key === 'j' || event.key === 'ArrowDown') {
      event.preventDefault();
      (links[Math.min(index + 1, links.length - 1)] || links[0])?.focus();
    } else if (event.key === 'k' || event.key === 'ArrowUp') {
      event.preventDefault();
      (links[Math.max(index - 1, 0)] || links[0])?.focus();
    } else if (event.key === '/') {
      event.preventDefault();
      search.focus();
    } else if (event.key === 'r') {
      load(false);
    }
  }

  document.addEventListener('keydown', onKey);
  const stopLead = on('lead', scheduleLiveReload);
  const stopEscalation = on('escalation', (lead) => {
    ctx.toast(t('queue.escalation_toast', { id: lead && lead.id ? lead.id : '' }));
    scheduleLiveReload(lead);
  });
  const stopConnected = on('connected', () => scheduleLiveReload(null));
  ctx.onLeave(() => {
    document.removeEventListener('keydown', onKey);
    stopLead();
    stopEscalation();
    stopConnected();
    clearTimeout(liveTimer);
  });
  load(false);
}

function row(lead, fresh) {
  const where = [label('region', lead.region), lead.place].filter(Boolean).join(' · ');
  const classes = ['lead-row', `priority-${lead.priority}`];
  if (lead.escalated) classes.push('escalated');
  if (!lead.opened) classes.push('unopened');
  if (fresh) classes.push('fresh');
  return el('li', { class: classes.join(' '), dataset: { id: lead.id, priority: lead.priority, status: lead.status } },
    el('a', { href: `#/lead/${encodeURIComponent(lead.id)}`, class: 'lead-link' },
      el('span', { class: `badge priority-${lead.priority}` }, label('priority', lead.priority)),
      lead.escalated ? el('span', { class: 'badge escalated-flag', title: t('lead.escalated_help') }, t('lead.escalated')) : null,
      el('span', { class: 'category' }, label('category', lead.category)),
      el('span', { class: 'where' }, where),
      el('span', { class: `status status-${lead.status}` }, label('status', lead.status)),
      el('span', { class: 'meta' },
        t('queue.reports', { n: lead.report_count }),
        lead.children ? ` · ${t('queue.children', { n: lead.children })}` : '',
        (lead.languages || []).length ? ` · ${(lead.languages || []).map((l) => label('language', l)).join(', ')}` : '',
        lead.assigned_to ? ` · ${t('queue.assigned', { user: lead.assigned_to })}` : ''),
      el('time', { class: 'when', datetime: lead.last_seen, title: formatTime(lead.last_seen) }, formatAgo(lead.last_seen))));
}
