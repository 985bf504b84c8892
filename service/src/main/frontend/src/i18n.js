// Chinese and English: Chinese when the browser asks for zh before en, English otherwise; switchable, the choice
// kept in localStorage.
import { messages } from './messages.js';
import { h } from './dom.js';

const KEY = 'alumni-console.language';
export const languages = [{ code: 'zh', label: '中文' }, { code: 'en', label: 'English' }];

/** The language for a stored choice and the browser's list (navigator.languages). */
export function detectLanguage(stored, preferred = []) {
  if (stored && messages[stored]) return stored;
  for (const tag of preferred) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (messages[code]) return code;
  }
  return 'en';
}

let current = detectLanguage(
  typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null,
  typeof navigator !== 'undefined' ? (navigator.languages || [navigator.language]) : [],
);

export const language = () => current;

export function setLanguage(code) {
  current = detectLanguage(code);
  localStorage.setItem(KEY, current);
  window.dispatchEvent(new Event('console-language'));
}

export const has = (key) => key in messages[current];

export function t(key, params = {}) {
  const text = messages[current][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function languageSwitch() {
  return h('select.language#language', { 'aria-label': t('nav.language'), onchange: (e) => setLanguage(e.target.value) },
    languages.map((l) => h('option', { value: l.code, selected: l.code === current }, l.label)));
}
