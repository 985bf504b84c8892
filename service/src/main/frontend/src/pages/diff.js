import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { link } from '../router.js';
import { loadProcesses } from './processes.js';
import { definitionXml, showDiagram, mark, focusElement } from '../bpmn/viewer.js';
import { diffDefinitions } from '../bpmn/diff.js';

/** Two versions side by side, the older on the left: removed red, added green, changed orange, moved blue. */
export async function diffPage(main, params) {
  const p = (await loadProcesses()).find((x) => x.key === params.key);
  const a = p && p.versions.find((v) => String(v.version) === params.a);
  const b = p && p.versions.find((v) => String(v.version) === params.b);
  if (!a || !b) {
    replace(main, h('div.error', t('processes.notFound', { key: params.key, version: !a ? params.a : params.b })));
    return null;
  }
  const [older, newer] = a.version <= b.version ? [a, b] : [b, a];
  const left = h('div.diagram.half#diff-left');
  const right = h('div.diagram.half#diff-right');
  const list = h('div.diff-list#diff-list');
  replace(main,
    h('div.page-head', h('h1', h('a', { href: '#/processes' }, t('processes.title')), ' / ', p.name || p.key, ' · ',
      t('diff.title', { a: older.version, b: newer.version }))),
    h('div.legend',
      h('span.swatch.removed', t('diff.removed')), h('span.swatch.added', t('diff.added')),
      h('span.swatch.changed', t('diff.changed')), h('span.swatch.moved', t('diff.moved'))),
    h('div.side-by-side',
      h('div', h('h3', h('a', { href: link('processes', p.key, older.version) }, `v${older.version}`)), left),
      h('div', h('h3', h('a', { href: link('processes', p.key, newer.version) }, `v${newer.version}`)), right)),
    list);

  const [xmlA, xmlB] = await Promise.all([definitionXml(older.definitionId), definitionXml(newer.definitionId)]);
  const va = await showDiagram(left, xmlA);
  const vb = await showDiagram(right, xmlB);
  const d = diffDefinitions(va.getDefinitions(), vb.getDefinitions());

  mark(va, d.removed.map((e) => e.id), 'diff-removed');
  mark(vb, d.added.map((e) => e.id), 'diff-added');
  for (const v of [va, vb]) {
    mark(v, d.changed.map((e) => e.id), 'diff-changed');
    mark(v, d.moved.map((e) => e.id), 'diff-moved');
  }
  syncViewboxes(va, vb);

  const show = (e) => { focusElement(va, e.id); focusElement(vb, e.id); };
  const rows = (kind, items) => items.map((e) => h(`tr.${kind}`, { dataset: { elementId: e.id } },
    h('td', h('span.swatch.' + kind, t(`diff.${kind}`))),
    h('td', h('button.link', { onclick: () => show(e) }, e.id)),
    h('td', e.type.replace('bpmn:', '')),
    h('td', e.name),
    h('td', e.changes ? h('ul', e.changes.map((c) => h('li', h('b', c.property), ': ',
      h('del', c.before || '∅'), ' → ', h('ins', c.after || '∅')))) : '')));
  const total = d.added.length + d.removed.length + d.changed.length + d.moved.length;
  replace(list,
    h('p', t('diff.summary', { added: d.added.length, removed: d.removed.length, changed: d.changed.length,
      moved: d.moved.length, unchanged: d.unchanged })),
    total ? h('table.diff',
      h('thead', h('tr', ['diff.kind', 'diff.element', 'diff.type', 'common.name', 'diff.what'].map((k) => h('th', t(k))))),
      h('tbody', rows('removed', d.removed), rows('added', d.added), rows('changed', d.changed), rows('moved', d.moved)))
      : h('p.empty', t('diff.none')));
  return () => { va.destroy(); vb.destroy(); };
}

/** Panning or zooming one side does the same on the other. */
function syncViewboxes(a, b) {
  let busy = false;
  const follow = (from, to) => from.on('canvas.viewbox.changed', ({ viewbox }) => {
    if (busy) return;
    busy = true;
    to.get('canvas').viewbox({ x: viewbox.x, y: viewbox.y, width: viewbox.width, height: viewbox.height });
    busy = false;
  });
  follow(a, b);
  follow(b, a);
  // both start at the view of the side that needed to zoom out further, so neither is cut
  const [wide, other] = a.get('canvas').viewbox().scale <= b.get('canvas').viewbox().scale ? [a, b] : [b, a];
  const v = wide.get('canvas').viewbox();
  other.get('canvas').viewbox({ x: v.x, y: v.y, width: v.width, height: v.height });
}
