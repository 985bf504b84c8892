import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../src/messages.js';
import { detectLanguage } from '../src/i18n.js';

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Chinese and English have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(messages.zh).sort(), Object.keys(messages.en).sort());
  for (const key of Object.keys(messages.en)) {
    assert.deepEqual(placeholders(messages.zh[key]), placeholders(messages.en[key]), key);
  }
});

test('every literal key the pages ask for exists', () => {
  const namespaces = [...new Set(Object.keys(messages.en).map((k) => k.split('.')[0]))].join('|');
  const key = new RegExp(`(?<!h\\()'((?:${namespaces})\\.[\\w.]+)'`, 'g');
  const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const used = new Set();
  for (const file of files(new URL('../src', import.meta.url).pathname).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(key)) used.add(m[1]);
  }
  assert.ok(used.size > 100);
  assert.deepEqual([...used].filter((k) => !(k in messages.en)), []);
});

test('Chinese when the browser asks for zh first, English otherwise, a stored choice first', () => {
  assert.equal(detectLanguage(null, ['zh-CN', 'en']), 'zh');
  assert.equal(detectLanguage(null, ['en-US', 'zh-CN']), 'en');
  assert.equal(detectLanguage(null, ['fr-FR']), 'en');
  assert.equal(detectLanguage('zh', ['en-US']), 'zh');
  assert.equal(detectLanguage('xx', ['zh-TW']), 'zh');
});
