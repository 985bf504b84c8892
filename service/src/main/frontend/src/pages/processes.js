import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, ApiError } from '../api.js';
import { canChange } from '../auth.js';
import { link, go } from '../router.js';
import { definitionXml, showDiagram } from '../bpmn/viewer.js';

export async function loadProcesses() {
  return get('/api/processes');
}

/** The list of processes, each with its versions, compare and migrate. */
export async function processesPage(main, params, query) {
  replace(main, h('h1', t('processes.title')), h('p.loading', t('common.loading')));
  const processes = await loadProcesses();
  const flash = query.get('deployed')
    ? h('div.notice.success#flash', t('modeler.deployed', { key: query.get('deployed'), version: query.get('version') }))
    : null;
  replace(main,
    h('div.page-head', h('h1', t('processes.title')),
      canChange() ? h('a.button#new-diagram', { href: '#/modeler/new' }, t('processes.newFromFile')) : null),
    flash,
    h('p.hint', canChange() ? t('processes.hintManager') : t('processes.hintAuditor')),
    processes.length === 0 ? h('p.empty', t('processes.none')) : null,
    processes.map(processCard));
}

function processCard(p) {
  const migration = h('div.migration#migration-' + p.key);
  if (lastMigration && lastMigration.key === p.key) {
    replace(migration, migrationReport(lastMigration.report));
    lastMigration = null;
  }
  const olderRunning = p.versions.slice(1).reduce((n, v) => n + v.runningInstances, 0);
  const versions = p.versions.map((v) => v.version);
  const from = h('select.compare-from', versions.map((v, i) => h('option', { value: v, selected: i === 1 }, `v${v}`)));
  const to = h('select.compare-to', versions.map((v, i) => h('option', { value: v, selected: i === 0 }, `v${v}`)));
  return h('section.card.process', { dataset: { key: p.key } },
    h('div.card-head',
      h('h2', p.name || p.key, ' ', h('code', p.key)),
      h('span.meta', t('processes.latest', { version: p.latestVersion }), ' · ',
        t('processes.running', { count: p.runningInstances }))),
    h('table.versions',
      h('thead', h('tr', ['processes.version', 'processes.deployedAt', 'processes.deployedBy', 'processes.deployment',
        'processes.instances', ''].map((k) => h('th', k ? t(k) : '')))),
      h('tbody', p.versions.map((v) => h('tr', { dataset: { version: v.version } },
        h('td', h('a.version-link', { href: link('processes', p.key, v.version) }, `v${v.version}`),
          v.versionTag ? h('span.tag', v.versionTag) : null, v.suspended ? h('span.tag.warn', t('processes.suspended')) : null),
        h('td', formatTime(v.deployedAt)),
        h('td', v.deployedBy || '—'),
        h('td', v.deploymentName || ''),
        h('td.num', v.runningInstances),
        h('td.actions',
          h('a.button.small', { href: link('processes', p.key, v.version) }, t('processes.view')),
          canChange() ? h('a.button.small.edit', { href: `${link('processes', p.key, v.version)}/edit` }, t('processes.edit')) : null))))),
    h('div.card-actions',
      versions.length > 1 ? h('span.compare', t('processes.compare'), ' ', from, ' → ', to, ' ',
        h('button.small', { onclick: () => { location.hash = `${link('processes', p.key, 'diff', from.value, to.value)}`; } },
          t('processes.showChanges'))) : null,
      canChange() ? h('button.small.migrate', {
        disabled: olderRunning === 0,
        title: olderRunning === 0 ? t('processes.nothingToMigrate') : null,
        onclick: () => migrate(p, migration),
      }, t('processes.migrate', { count: olderRunning, version: p.latestVersion })) : null),
    migration);
}

/** The report of the last migration, shown under its process once the list is read again (new counts). */
let lastMigration = null;

async function migrate(p, target) {
  if (!confirm(t('processes.migrateConfirm', { key: p.key, version: p.latestVersion }))) return;
  replace(target, h('p.loading', t('common.working')));
  try {
    lastMigration = { key: p.key, report: await post(`/api/processes/${encodeURIComponent(p.key)}/migrations`) };
    go('/processes');
  } catch (e) {
    replace(target, h('div.error', e instanceof ApiError ? e.message : String(e)));
  }
}

export function migrationReport(r) {
  return h('div.migration-report',
    h('h3', t('processes.migrated', { moved: r.migrated.length, left: r.notMigrated.length, version: r.targetVersion })),
    r.migrated.length ? h('table.migrated',
      h('thead', h('tr', h('th', t('processes.instance')), h('th', t('common.businessKey')), h('th', t('processes.from')), h('th', ''))),
      h('tbody', r.migrated.map((m) => h('tr.ok',
        h('td', h('a', { href: link('history', 'instances', m.processInstanceId) }, m.processInstanceId)),
        h('td', m.businessKey || ''), h('td', `v${m.fromVersion} → v${r.targetVersion}`), h('td', '✓'))))) : null,
    r.notMigrated.length ? h('table.not-migrated',
      h('thead', h('tr', h('th', t('processes.instance')), h('th', t('common.businessKey')), h('th', t('processes.from')), h('th', t('processes.why')))),
      h('tbody', r.notMigrated.map((m) => h('tr.failed',
        h('td', h('a', { href: link('history', 'instances', m.processInstanceId) }, m.processInstanceId)),
        h('td', m.businessKey || ''), h('td', `v${m.fromVersion}`),
        h('td', h('ul', m.reasons.map((reason) => h('li', reason)))))))) : null);
}

/** One version: its diagram, read only. */
export async function processVersionPage(main, params, query) {
  const processes = await loadProcesses();
  const p = processes.find((x) => x.key === params.key);
  const v = p && p.versions.find((x) => String(x.version) === params.version);
  if (!v) {
    replace(main, h('div.error', t('processes.notFound', { key: params.key, version: params.version })));
    return null;
  }
  const canvas = h('div.diagram#diagram');
  const older = p.versions.find((x) => x.version < v.version);
  replace(main,
    h('div.page-head',
      h('h1', h('a', { href: '#/processes' }, t('processes.title')), ' / ', p.name || p.key, ' ',
        h('span.version-badge#version-badge', `v${v.version}`)),
      h('div.toolbar',
        older ? h('a.button', { href: link('processes', p.key, 'diff', older.version, v.version) },
          t('processes.changesSince', { version: older.version })) : null,
        canChange() ? h('a.button.primary#edit', { href: `${link('processes', p.key, v.version)}/edit` }, t('processes.edit')) : null)),
    query.get('deployed') ? h('div.notice.success#flash', t('modeler.deployed', { key: p.key, version: v.version })) : null,
    h('p.meta', t('processes.versionMeta', {
      at: formatTime(v.deployedAt), by: v.deployedBy || '—', running: v.runningInstances, id: v.definitionId,
    })),
    canvas);
  const viewer = await showDiagram(canvas, await definitionXml(v.definitionId));
  return () => viewer.destroy();
}
