// Where and what: lead counts per region and category (stacked bars) and per day (stacked columns), drawn as
// SVG by this script, with the same numbers in a table for screen readers and for copying.

import { api, query } from './api.js';
import { el, clear, svg } from './dom.js';
import { formatNumber, label, t } from './i18n.js';
import { CATEGORIES, REGIONS } from './vocab.js';

const DAY_MS = 86400000;

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** Totals per region × category and per day × category from the API's day rows. */
export function aggregate(days, includeNotRelevant) {
  const byRegion = new Map(REGIONS.map((r) => [r, new Map()]));
  const byDay = new Map();
  for (const row of days) {
    if (!includeNotRelevant && row.category === 'not_relevant') continue;
    const region = row.region || 'none';
    if (!byRegion.has(region)) byRegion.set(region, new Map());
    const cell = byRegion.get(region);
    cell.set(row.category, (cell.get(row.category) || 0) + row.count);
    if (!byDay.has(row.date)) byDay.set(row.date, new Map());
    const day = byDay.get(row.date);
    day.set(row.category, (day.get(row.category) || 0) + row.count);
  }
  return { byRegion, byDay };
}

const total = (cells) => [...cells.values()].reduce((a, b) => a + b, 0);

export function renderStats(ctx) {
  const to = new Date();
  const from = new Date(to.getTime() - 29 * DAY_MS);
  const fromInput = el('input', { type: 'date', id: 'stats-from', value: isoDate(from), required: true });
  const toInput = el('input', { type: 'date', id: 'stats-to', value: isoDate(to), required: true });
  const noise = el('input', { type: 'checkbox', id: 'stats-not-relevant' });
  const output = el('div', { class: 'stats-output', id: 'stats-output' });
  const form = el('form', { class: 'filters', id: 'stats-form', onsubmit: (event) => { event.preventDefault(); load(); }, onchange: () => load() },
    el('div', { class: 'field' }, el('label', { for: 'stats-from', text: t('stats.from') }), fromInput),
    el('div', { class: 'field' }, el('label', { for: 'stats-to', text: t('stats.to') }), toInput),
    el('div', { class: 'field check' }, noise, el('label', { for: 'stats-not-relevant', text: t('stats.include_not_relevant') })));
  ctx.main.append(el('section', { class: 'view', dataset: { view: 'stats' } },
    el('h1', { text: t('stats.title') }), form, output));

  let days = [];
  async function load() {
    try {
      const answer = await api('GET', `leads/stats${query({ from: fromInput.value, to: toInput.value })}`);
      days = answer.days || [];
      draw();
    } catch (error) {
      clear(output).append(el('p', { class: 'error', role: 'alert', text: error.status === 404 ? t('queue.unavailable') : t('common.error_detail', { detail: error.message }) }));
    }
  }

  function draw() {
    const { byRegion, byDay } = aggregate(days, noise.checked);
    const categories = CATEGORIES.filter((c) => noise.checked || c !== 'not_relevant');
    clear(output).append(
      legend(categories),
      el('h2', { text: t('stats.by_region') }), regionChart(byRegion, categories),
      el('h2', { text: t('stats.by_day') }), dayChart(byDay, categories, fromInput.value, toInput.value),
      el('h2', { text: t('stats.table') }), table(byRegion, categories));
  }

  load();
}

function legend(categories) {
  return el('ul', { class: 'legend' }, categories.map((c) => el('li', {},
    el('span', { class: `swatch cat-${c}`, 'aria-hidden': 'true' }), label('category', c))));
}

function regionChart(byRegion, categories) {
  const rows = [...byRegion.entries()];
  const max = Math.max(1, ...rows.map(([, cells]) => total(cells)));
  const labelWidth = 110;
  const width = 640;
  const barHeight = 20;
  const height = rows.length * (barHeight + 6) + 10;
  const scale = (width - labelWidth - 50) / max;
  const chart = svg('svg', { class: 'chart', id: 'chart-regions', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('stats.by_region') });
  rows.forEach(([region, cells], i) => {
    const y = 5 + i * (barHeight + 6);
    chart.append(svg('text', { x: labelWidth - 6, y: y + barHeight * 0.7, class: 'axis', 'text-anchor': 'end' }, label('region', region)));
    let x = labelWidth;
    for (const c of categories) {
      const n = cells.get(c) || 0;
      if (!n) continue;
      chart.append(svg('rect', { x, y, width: Math.max(1, n * scale), height: barHeight, class: `cat-${c}` },
        svg('title', {}, `${label('region', region)} · ${label('category', c)}: ${formatNumber(n)}`)));
      x += n * scale;
    }
    chart.append(svg('text', { x: x + 6, y: y + barHeight * 0.7, class: 'value' }, formatNumber(total(cells))));
  });
  return chart;
}

function dayChart(byDay, categories, fromValue, toValue) {
  const start = new Date(`${fromValue}T00:00:00Z`);
  const end = new Date(`${toValue}T00:00:00Z`);
  const dates = [];
  for (let d = start; d <= end && dates.length < 366; d = new Date(d.getTime() + DAY_MS)) dates.push(isoDate(d));
  const max = Math.max(1, ...dates.map((d) => (byDay.has(d) ? total(byDay.get(d)) : 0)));
  const width = 640;
  const height = 180;
  const top = 10;
  const bottom = 24;
  const step = (width - 40) / Math.max(1, dates.length);
  const scale = (height - top - bottom) / max;
  const chart = svg('svg', { class: 'chart', id: 'chart-days', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('stats.by_day') });
  chart.append(svg('text', { x: 0, y: top + 8, class: 'axis' }, formatNumber(max)));
  chart.append(svg('line', { x1: 36, y1: height - bottom, x2: width, y2: height - bottom, class: 'baseline' }));
  dates.forEach((date, i) => {
    const x = 40 + i * step;
    let y = height - bottom;
    const cells = byDay.get(date) || new Map();
    for (const c of categories) {
      const n = cells.get(c) || 0;
      if (!n) continue;
      chart.append(svg('rect', { x, y: y - n * scale, width: Math.max(1, step - 2), height: n * scale, class: `cat-${c}` },
        svg('title', {}, `${date} · ${label('category', c)}: ${formatNumber(n)}`)));
      y -= n * scale;
    }
    const every = Math.max(1, Math.ceil(dates.length / 8));
    const last = i === dates.length - 1 && i % every >= every / 2;
    if (i % every === 0 || last) {
      chart.append(svg('text', { x, y: height - 6, class: 'axis' }, date.slice(5)));
    }
  });
  return chart;
}

function table(byRegion, categories) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'stats-table', id: 'stats-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('filter.region') }),
      categories.map((c) => el('th', { scope: 'col', text: label('category', c) })), el('th', { scope: 'col', text: t('stats.total') }))),
    el('tbody', {}, [...byRegion.entries()].map(([region, cells]) => el('tr', {},
      el('th', { scope: 'row', text: label('region', region) }),
      categories.map((c) => el('td', { text: formatNumber(cells.get(c) || 0) })),
      el('td', { text: formatNumber(total(cells)) }))))));
}
