import { h, replace, formatTime, formatDuration, download } from '../dom.js';
import { t, has } from '../i18n.js';
import { get, call, query as qs } from '../api.js';
import { link, go } from '../router.js';
import { definitionXml, showDiagram, sequenceFlows, mark, badge, focusElement } from '../bpmn/viewer.js';
import { pathTaken } from '../bpmn/path.js';

const FILTERS = ['processKey', 'businessKey', 'studentNo', 'startedAfter', 'startedBefore'];
const PAGE_SIZE = 20;

/** Search historic instances by process, business key, alumnus and start dates. */
export async function historyPage(main, params, query) {
  const values = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) || '']));
  const page = Number(query.get('page') || 0);
  const processes = await get('/api/processes').catch(() => []);
  const input = (name, type = 'text', extra = {}) => h('label', h('span', t(`history.${name}`)),
    h(`input#filter-${name}`, { name, type, value: values[name], ...extra }));
  const form = h('form.filters#history-search', {
    onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      go(`/history${qs(Object.fromEntries(FILTERS.map((f) => [f, (data.get(f) || '').trim()])))}`);
    },
  },
  h('label', h('span', t('history.processKey')), h('select#filter-processKey', { name: 'processKey' },
    h('option', { value: '' }, t('history.anyProcess')),
    processes.map((p) => h('option', { value: p.key, selected: p.key === values.processKey }, `${p.name || p.key} (${p.key})`)))),
  input('businessKey'),
  input('studentNo', 'text', { placeholder: t('history.studentNoHint') }),
  input('startedAfter', 'date'),
  input('startedBefore', 'date'),
  h('button.primary#search', { type: 'submit' }, t('history.search')));

  const results = h('div.results#history-results', h('p.loading', t('common.loading')));
  replace(main, h('h1', t('history.title')), form,
    values.studentNo ? h('p', h('a#alumnus-link', { href: link('history', 'alumni', values.studentNo) },
      t('history.alumnusRecord', { studentNo: values.studentNo }))) : null,
    results);

  const r = await get(`/api/audit/process-instances${qs({ ...values, page, size: PAGE_SIZE })}`);
  const pager = (to) => `#/history${qs({ ...values, page: to })}`;
  replace(results,
    h('p.meta', t('history.found', { count: r.totalElements })),
    r.content.length ? instanceTable(r.content) : h('p.empty', t('history.none')),
    r.totalPages > 1 ? h('div.pager',
      page > 0 ? h('a.button.small', { href: pager(page - 1) }, t('common.previous')) : null,
      h('span', t('common.page', { page: page + 1, pages: r.totalPages })),
      page + 1 < r.totalPages ? h('a.button.small', { href: pager(page + 1) }, t('common.next')) : null) : null);
  return null;
}

function instanceTable(instances) {
  return h('table.instances',
    h('thead', h('tr', ['history.instance', 'history.process', 'common.businessKey', 'history.started', 'history.ended',
      'history.state', 'history.startedBy'].map((k) => h('th', t(k))))),
    h('tbody', instances.map((i) => h('tr', { dataset: { instanceId: i.id } },
      h('td', h('a.instance-link', { href: link('history', 'instances', i.id) }, i.id)),
      h('td', `${i.processName || i.processKey} v${i.version ?? ''}`),
      h('td', i.businessKey || ''),
      h('td', formatTime(i.startTime)),
      h('td', formatTime(i.endTime)),
      h('td', h(`span.state.${(i.state || '').toLowerCase()}`, stateLabel(i.state))),
      h('td', i.startedBy || causeLabel(i.cause))))));
}

const stateLabel = (s) => (s && has(`state.${s}`) ? t(`state.${s}`) : s || '');
const causeLabel = (c) => (c && has(`cause.${c}`) ? t(`cause.${c}`) : c || '');
const eventLabel = (type) => (has(`event.${type}`) ? t(`event.${type}`) : type);

/** One instance: the diagram with the path taken and counts per activity, beside the audit timeline. */
export async function instancePage(main, params) {
  const id = params.id;
  const [timeline, hpi] = await Promise.all([
    get(`/api/audit/process-instances/${encodeURIComponent(id)}/timeline`),
    get(`/engine-rest/history/process-instance/${encodeURIComponent(id)}`),
  ]);
  const activities = await get(`/engine-rest/history/activity-instance${qs({ processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc' })}`);
  const i = timeline.instance;
  const canvas = h('div.diagram#instance-diagram');
  const counts = h('div#activity-counts');
  const csvButton = h('button#download-csv', { onclick: () => downloadCsv(id, csvButton) }, t('history.downloadCsv'));
  replace(main,
    h('div.page-head',
      h('h1', h('a', { href: '#/history' }, t('history.title')), ' / ', i.processName || i.processKey, ' ',
        h('span.version-badge', `v${i.version ?? ''}`), ' ', h('code', i.businessKey || '')),
      h('div.toolbar', csvButton)),
    h('dl.facts',
      fact(t('history.instance'), i.id),
      fact(t('history.state'), stateLabel(i.state)),
      fact(t('history.started'), formatTime(i.startTime)),
      fact(t('history.ended'), formatTime(i.endTime)),
      fact(t('history.duration'), formatDuration(i.durationMs)),
      fact(t('history.startedBy'), i.startedBy || causeLabel(i.cause)),
      i.trigger ? fact(t('history.trigger'), t('history.triggerText', {
        run: i.trigger.segmentationRunId, rule: i.trigger.rule, version: i.trigger.rulesetVersion || '' })) : null,
      i.removalTime ? fact(t('history.removalTime'), formatTime(i.removalTime)) : null),
    h('div.instance-layout',
      h('div.instance-diagram',
        h('div.legend', h('span.swatch.done', t('history.legendDone')), h('span.swatch.active', t('history.legendActive')),
          h('span.swatch.canceled', t('history.legendCanceled'))),
        canvas, counts),
      h('div.timeline#timeline',
        h('h2', t('history.timeline', { count: timeline.eventCount })),
        h('ol.events', timeline.events.map((e) => h('li.event', { dataset: { type: e.type, activityId: e.activityId || '' } },
          h('div.event-head', h('time', formatTime(e.time)), ' ', h('span.event-type', eventLabel(e.type)),
            e.actor ? h('span.actor', e.actor) : null),
          e.activityId ? h('button.link.activity', { onclick: () => viewer && focusElement(viewer, e.activityId) },
            e.activityName || e.activityId) : null,
          h('div.summary', e.summary),
          e.data && Object.keys(e.data).length ? h('details', h('summary', t('history.details')),
            h('pre', JSON.stringify(e.data, null, 2))) : null))))));

  const viewer = await showDiagram(canvas, await definitionXml(hpi.processDefinitionId));
  const path = pathTaken(activities, sequenceFlows(viewer));
  const done = [];
  const active = [];
  const canceled = [];
  for (const [activityId, c] of Object.entries(path.counts)) {
    if (c.active) active.push(activityId);
    else if (c.completed) done.push(activityId);
    else canceled.push(activityId);
    badge(viewer, activityId, String(c.total), 'count-badge', c.active ? 'active' : null);
  }
  mark(viewer, done, 'path-done');
  mark(viewer, active, 'path-active');
  mark(viewer, canceled, 'path-canceled');
  mark(viewer, path.flows, 'path-flow');

  const names = Object.fromEntries(activities.map((a) => [a.activityId, a.activityName]));
  replace(counts, h('table.activity-counts',
    h('thead', h('tr', ['history.activity', 'history.type', 'history.times', 'history.completed', 'history.active',
      'history.canceled'].map((k) => h('th', t(k))))),
    h('tbody', Object.entries(path.counts).map(([activityId, c]) => h('tr', { dataset: { activityId } },
      h('td', h('button.link', { onclick: () => focusElement(viewer, activityId) }, names[activityId] || activityId)),
      h('td', (activities.find((a) => a.activityId === activityId)?.activityType) || ''),
      h('td.num', c.total), h('td.num', c.completed), h('td.num', c.active), h('td.num', c.canceled))))));
  return () => viewer.destroy();
}

const fact = (label, value) => [h('dt', label), h('dd', value ?? '')];

async function downloadCsv(id, button) {
  button.disabled = true;
  try {
    const r = await call('GET', `/api/audit/process-instances/${encodeURIComponent(id)}/timeline.csv`,
      { raw: true, headers: { Accept: 'text/csv, application/problem+json' } });
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(r.headers.get('Content-Disposition') || '')?.[1];
    download(await r.blob(), name ? decodeURIComponent(name) : `timeline-${id}.csv`);
  } catch (e) {
    alert(e.message);
  } finally {
    button.disabled = false;
  }
}

/** Everything the service holds and did concerning one alumnus (the audit API's answer to an access request). */
export async function alumnusPage(main, params) {
  const a = await get(`/api/audit/alumni/${encodeURIComponent(params.studentNo)}`);
  const r = a.registryRecord || {};
  const section = (title, rows, columns) => h('section.card',
    h('h2', title),
    rows && rows.length ? h('table',
      h('thead', h('tr', columns.map(([label]) => h('th', label)))),
      h('tbody', rows.map((row) => h('tr', columns.map(([, cell]) => h('td', cell(row)))))))
      : h('p.empty', t('common.none')));
  replace(main,
    h('h1', h('a', { href: '#/history' }, t('history.title')), ' / ', t('alumnus.title', { studentNo: a.studentNo })),
    h('dl.facts',
      fact(t('common.name'), r.name), fact(t('alumnus.college'), r.collegeCode || r.college),
      fact(t('alumnus.graduationYear'), r.graduationYear), fact(t('alumnus.lastVisit'), a.lastVisitDate),
      fact(t('alumnus.generatedAt'), formatTime(a.generatedAt))),
    section(t('alumnus.segments'), (a.segmentMemberships || []).flatMap((run) => (run.segments.length ? run.segments : [null])
      .map((s) => ({ run, s }))), [
      [t('alumnus.run'), ({ run }) => `#${run.runId} · ${run.asOf}${run.current ? ` (${t('alumnus.current')})` : ''}`],
      [t('segments.segment'), ({ s }) => (s ? s.code : '—')],
      [t('segments.rule'), ({ s }) => (s ? s.rule : '')],
      [t('segments.facts'), ({ s }) => (s ? s.facts : '')]]),
    section(t('alumnus.gifts'), a.gifts, [
      [t('alumnus.giftRef'), (g) => g.giftRef], [t('alumnus.amount'), (g) => g.amountCny], [t('alumnus.date'), (g) => g.giftDate],
      [t('alumnus.fund'), (g) => g.fundCode],
      [t('alumnus.tier'), (g) => (g.tierDecision ? `${g.tierDecision.tier} (${g.tierDecision.rule})` : '')]]),
    section(t('alumnus.instances'), a.processInstances, [
      [t('history.instance'), (i) => h('a', { href: link('history', 'instances', i.id) }, i.id)],
      [t('history.process'), (i) => `${i.processName || i.processKey} v${i.version ?? ''}`],
      [t('common.businessKey'), (i) => i.businessKey], [t('history.started'), (i) => formatTime(i.startTime)],
      [t('history.state'), (i) => stateLabel(i.state)]]),
    section(t('alumnus.retention'), (a.retention || []).map((x) => ({ x })), [[t('alumnus.rule'), ({ x }) => x]]));
  return null;
}
