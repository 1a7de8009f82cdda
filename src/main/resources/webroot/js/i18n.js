// French first; English on request. The choice is remembered in this browser only.

const SUPPORTED = ['fra', 'eng'];
const STORAGE_KEY = 'kunnafoni.lang';
let strings = {};
let language = 'fra';

export function storedLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  return SUPPORTED.includes(saved) ? saved : 'fra';
}

export async function loadLanguage(code) {
  const wanted = SUPPORTED.includes(code) ? code : 'fra';
  const response = await fetch(`i18n/${wanted}.json`, { credentials: 'same-origin' });
  strings = await response.json();
  language = wanted;
  localStorage.setItem(STORAGE_KEY, wanted);
  document.documentElement.lang = wanted === 'eng' ? 'en' : 'fr';
  translateStatic(document);
}

export function currentLanguage() {
  return language;
}

/** The string for a key, with {name} placeholders filled; the key itself when missing (visible, not blank). */
export function t(key, params = {}) {
  const template = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A label for an identifier from the API (category, status, region…); unknown ids show as they are. */
export function label(kind, id) {
  if (id === null || id === undefined || id === '') return t(`${kind}.none`);
  const key = `${kind}.${id}`;
  return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : String(id);
}

export function translateStatic(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((node) => {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  });
}

function locale() {
  return language === 'eng' ? 'en-GB' : 'fr-FR';
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatAgo(iso, now = Date.now()) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  const steps = [[60, 'second'], [3600, 'minute'], [86400, 'hour'], [Infinity, 'day']];
  let unit = 1;
  for (const [limit, name] of steps) {
    if (Math.abs(seconds) < limit) return format.format(Math.round(seconds / unit), name);
    unit = limit;
  }
  return '';
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n);
}
