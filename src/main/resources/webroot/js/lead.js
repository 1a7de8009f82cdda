// One lead: its reports (pseudonym, time, language, text, triage reasons), its history and the review actions.
// Opening it through the API marks it opened, which is what stops an urgent lead from escalating.

import { api } from './api.js';
import { el, clear, select } from './dom.js';
import { on } from './events.js';
import { formatTime, label, t } from './i18n.js';
import { atLeast } from './vocab.js';

const CHANGES = ['status', 'priority', 'report_count', 'assigned_to', 'escalated', 'merged_into', 'category'];

export function renderLead(ctx, id) {
  const view = el('section', { class: 'view', dataset: { view: 'lead', id } });
  const banner = el('div', { class: 'banner', id: 'lead-changed', hidden: true },
    el('span', { text: t('lead.changed') }),
    el('button', { type: 'button', text: t('lead.reload'), onclick: () => load() }));
  ctx.main.append(el('p', {}, el('a', { href: '#/queue', id: 'back-to-queue', text: t('common.back_to_queue') })), banner, view);

  let shown = null;
  async function load() {
    banner.hidden = true;
    try {
      const lead = await api('GET', `leads/${encodeURIComponent(id)}`);
      shown = lead;
      clear(view).append(...content(lead, ctx, load));
      view.dataset.status = lead.status;
    } catch (error) {
      clear(view).append(el('h1', { text: t('lead.title') }),
        el('p', { class: 'error', role: 'alert', text: error.status === 404 ? t('lead.not_found') : t('common.error_detail', { detail: error.message }) }));
    }
  }

  const stop = on('lead', (lead) => {
    // our own actions come back as events too: only say so when the lead differs from what is shown
    if (lead && lead.id === id && shown && CHANGES.some((key) => (lead[key] ?? null) !== (shown[key] ?? null))) banner.hidden = false;
  });
  function onKey(event) {
    if (event.key === 'Escape' && !event.target.matches('input, textarea, select')) window.location.hash = '#/queue';
  }
  document.addEventListener('keydown', onKey);
  ctx.onLeave(() => { stop(); document.removeEventListener('keydown', onKey); });
  load();
}

function content(lead, ctx, reload) {
  const act = actions(lead, ctx, reload);
  return [
    el('h1', { id: 'lead-title' }, `${label('category', lead.category)} — ${label('region', lead.region)}${lead.place ? ` · ${lead.place}` : ''}`),
    summary(lead),
    act.decisions,
    el('section', { class: 'reports', 'aria-labelledby': 'reports-title' },
      el('h2', { id: 'reports-title', text: t('lead.reports', { n: (lead.reports || []).length }) }),
      el('ol', { class: 'report-list', id: 'report-list' }, (lead.reports || []).map((r) => report(r, lead, act)))),
    act.tools,
    history(lead.history || []),
  ];
}

function summary(lead) {
  const item = (key, value) => [el('dt', { text: t(key) }), el('dd', {}, value)];
  return el('dl', { class: 'summary', id: 'lead-summary' },
    item('lead.id', el('code', { text: lead.id })),
    item('lead.status', el('span', { class: `status status-${lead.status}`, id: 'lead-status', dataset: { status: lead.status } }, label('status', lead.status))),
    item('lead.priority', [el('span', { class: `badge priority-${lead.priority}` }, label('priority', lead.priority)),
      lead.escalated ? el('span', { class: 'badge escalated-flag', id: 'lead-escalated', title: t('lead.escalated_help') }, t('lead.escalated')) : null]),
    item('lead.score', String(lead.score)),
    item('lead.children', lead.children == null ? t('common.unknown') : String(lead.children)),
    item('lead.seen', `${formatTime(lead.first_seen)} → ${formatTime(lead.last_seen)}`),
    item('lead.counts', t('lead.counts_value', { reports: lead.report_count, reporters: lead.reporter_count ?? '?' })),
    item('lead.assigned', lead.assigned_to || t('lead.nobody')),
    lead.merged_into ? item('lead.merged_into', el('a', { href: `#/lead/${encodeURIComponent(lead.merged_into)}`, text: lead.merged_into })) : null);
}

function report(r, lead, act) {
  const triage = r.triage || {};
  return el('li', { class: 'report', dataset: { reportId: r.id } },
    el('div', { class: 'report-head' },
      el('span', { class: 'pseudonym', title: t('report.pseudonym_help') }, r.reporter || '?'),
      el('time', { datetime: r.received_at }, formatTime(r.received_at)),
      el('span', { class: 'language' }, label('language', r.language)),
      r.channel ? el('span', { class: 'channel' }, r.channel) : null),
    // untrusted text from an SMS: a text node, shown as written
    el('p', { class: 'sms', dir: 'auto', lang: '' }, r.text ?? ''),
    el('details', { class: 'triage' },
      el('summary', {}, t('report.triage', { category: label('category', triage.category), priority: label('priority', triage.priority), score: triage.score ?? '' })),
      el('ul', { class: 'reasons' }, (triage.reasons || []).map((reason) => el('li', { text: reason })))),
    act.perReport(r, lead));
}

function history(entries) {
  return el('section', { class: 'history', 'aria-labelledby': 'history-title' },
    el('h2', { id: 'history-title', text: t('lead.history') }),
    entries.length === 0 ? el('p', { class: 'hint', text: t('lead.no_history') }) : null,
    el('ol', { class: 'history-list', id: 'history-list' }, entries.map((e) => el('li', { dataset: { action: e.action } },
      el('time', { datetime: e.at }, formatTime(e.at)), ' ',
      el('strong', { text: e.actor || '' }), ' ',
      label('action', e.action),
      e.from || e.to ? ` (${[e.from, e.to].filter(Boolean).map((s) => label('status', s)).join(' → ')})` : '',
      e.note ? el('blockquote', { class: 'note' }, e.note) : null))));
}

function actions(lead, ctx, reload) {
  const me = ctx.session.username;
  const feedback = el('p', { class: 'feedback', id: 'lead-feedback', role: 'status' });
  const run = async (what) => {
    feedback.textContent = '';
    try {
      await what();
      await reload();
    } catch (error) {
      feedback.textContent = t(error.status === 409 ? 'lead.conflict' : error.status === 403 ? 'lead.refused' : 'common.error_detail', { detail: error.message });
    }
  };

  const decisionNote = el('textarea', { id: 'decision-note', maxlength: 2000, rows: 2 });
  const buttons = (lead.allowed_transitions || []).map((to) => el('button', {
    type: 'button', class: `decision to-${to}`, dataset: { to },
    onclick: () => run(() => api('POST', `leads/${encodeURIComponent(lead.id)}/transitions`,
      decisionNote.value.trim() ? { to, note: decisionNote.value.trim() } : { to })),
  }, t(`transition.${to}`)));
  const assign = lead.assigned_to === me
    ? el('button', { type: 'button', id: 'unassign', onclick: () => run(() => api('POST', `leads/${encodeURIComponent(lead.id)}/assignment`, { assignee: null })) }, t('lead.unassign'))
    : el('button', { type: 'button', id: 'assign-me', onclick: () => run(() => api('POST', `leads/${encodeURIComponent(lead.id)}/assignment`, { assignee: me })) }, t('lead.assign_me'));
  const decisions = el('section', { class: 'decisions', 'aria-labelledby': 'decisions-title' },
    el('h2', { id: 'decisions-title', text: t('lead.decisions') }),
    buttons.length ? el('div', { class: 'buttons', id: 'decision-buttons' }, buttons) : el('p', { class: 'hint', text: t('lead.no_decision') }),
    buttons.length ? el('div', { class: 'field' }, el('label', { for: 'decision-note', text: t('lead.decision_note') }), decisionNote) : null,
    el('div', { class: 'buttons' }, assign), feedback);

  const tools = el('section', { class: 'tools' }, noteForm(lead, run), mergeForm(lead, run),
    atLeast(ctx.session.role, 'supervisor') ? revealForm(lead) : null);

  const perReport = (r) => ((lead.reports || []).length > 1 && lead.status !== 'merged'
    ? el('button', { type: 'button', class: 'link split', onclick: () => run(async () => {
      const created = await api('POST', `leads/${encodeURIComponent(lead.id)}/split`, { report_id: r.id });
      if (created && created.id) ctx.toast(t('lead.split_done', { id: created.id }));
    }) }, t('lead.split'))
    : null);
  return { decisions, tools, perReport };
}

function noteForm(lead, run) {
  const text = el('textarea', { id: 'note-text', required: true, maxlength: 2000, rows: 3 });
  return el('form', { class: 'note-form', id: 'note-form', onsubmit: (event) => {
    event.preventDefault();
    if (!text.value.trim()) return;
    run(() => api('POST', `leads/${encodeURIComponent(lead.id)}/notes`, { text: text.value.trim() }));
  } },
  el('h2', { text: t('lead.add_note') }),
  el('label', { for: 'note-text', class: 'sr-only', text: t('lead.add_note') }), text,
  el('button', { type: 'submit', text: t('lead.save_note') }));
}

function mergeForm(lead, run) {
  const from = el('input', { id: 'merge-from', required: true, maxlength: 100, autocomplete: 'off' });
  const note = el('input', { id: 'merge-note', maxlength: 2000 });
  return el('form', { class: 'merge-form', id: 'merge-form', onsubmit: (event) => {
    event.preventDefault();
    run(() => api('POST', `leads/${encodeURIComponent(lead.id)}/merge`,
      note.value.trim() ? { from: from.value.trim(), note: note.value.trim() } : { from: from.value.trim() }));
  } },
  el('h2', { text: t('lead.merge') }),
  el('p', { class: 'hint', text: t('lead.merge_help') }),
  el('label', { for: 'merge-from', text: t('lead.merge_from') }), from,
  el('label', { for: 'merge-note', text: t('lead.decision_note') }), note,
  el('button', { type: 'submit', text: t('lead.merge_submit') }));
}

/** Supervisors only (the API refuses others anyway); the number is shown once, never stored by the page. */
function revealForm(lead) {
  const reports = (lead.reports || []).map((r) => [r.id, `${r.reporter} · ${formatTime(r.received_at)}`]);
  const which = select({ id: 'reveal-report' }, reports, reports.length ? reports[0][0] : '');
  const reason = el('textarea', { id: 'reveal-reason', required: true, minlength: 10, maxlength: 500, rows: 2 });
  const out = el('output', { id: 'reveal-output', class: 'phone' });
  return el('form', { class: 'reveal-form', id: 'reveal-form', onsubmit: async (event) => {
    event.preventDefault();
    out.textContent = '';
    try {
      const answer = await api('POST', `leads/${encodeURIComponent(lead.id)}/reveal`, { report_id: which.value, reason: reason.value.trim() });
      out.textContent = answer.phone;
    } catch (error) {
      out.textContent = t(error.status === 400 ? 'reveal.reason_needed' : 'common.error_detail', { detail: error.message });
    }
  } },
  el('h2', { text: t('reveal.title') }),
  el('p', { class: 'hint warning', text: t('reveal.warning') }),
  el('label', { for: 'reveal-report', text: t('reveal.report') }), which,
  el('label', { for: 'reveal-reason', text: t('reveal.reason') }), reason,
  el('button', { type: 'submit', text: t('reveal.submit') }), out);
}
