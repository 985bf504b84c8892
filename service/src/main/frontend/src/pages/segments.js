import { h, replace, formatTime, formatDuration } from '../dom.js';
import { t } from '../i18n.js';
import { get, post, call, query as qs, ApiError } from '../api.js';
import { canChange } from '../auth.js';
import { link, go } from '../router.js';
import { chart, PALETTE } from '../charts.js';

const TABS = ['catalogue', 'runs', 'rules'];

/** Segments: the catalogue with counts per run, members, runs (start and watch), rule versions. */
export async function segmentsPage(main, params, query) {
  const tab = params.code ? 'members' : (params.tab || 'catalogue');
  const body = h('div.tab-body');
  replace(main, h('h1', t('segments.title')),
    h('nav.tabs', TABS.map((k) => h('a', { href: k === 'catalogue' ? '#/segments' : `#/segments/${k}`,
      class: k === tab ? 'active' : null, id: `tab-${k}` }, t(`segments.tab.${k}`)))),
    body);
  if (tab === 'members') return membersTab(body, params.code, Number(query.get('page') || 0));
  if (tab === 'runs') return runsTab(body);
  if (tab === 'rules') return rulesTab(body, query);
  return catalogueTab(body);
}

async function catalogueTab(body) {
  const [segments, runs] = await Promise.all([get('/api/segments'), get('/api/segmentation/runs?limit=12')]);
  const completed = runs.filter((r) => r.status === 'COMPLETED').reverse(); // oldest first
  const canvas = h('canvas#segment-chart');
  replace(body,
    h('section.card',
      h('h2', t('segments.countsOverRuns')),
      completed.length ? h('div.chart', canvas) : h('p.empty', t('segments.noRuns'))),
    h('table.catalogue#catalogue',
      h('thead', h('tr', h('th', t('segments.segment')), h('th', t('segments.definition')),
        completed.map((r) => h('th.num', { title: t('segments.runTitle', { id: r.id, asOf: r.asOf }) },
          `#${r.id}`, h('br'), h('small', r.asOf))))),
      h('tbody', segments.map((s) => h('tr', { dataset: { code: s.code } },
        h('td', h('a', { href: link('segments', 'members', s.code) }, s.code)),
        h('td.definition', s.definition),
        completed.map((r) => h(`td.num${r.current ? '.current' : ''}`, (r.segments || {})[s.code] ?? 0)))))));
  if (!completed.length) return null;
  const c = chart(canvas, {
    type: 'line',
    data: {
      labels: completed.map((r) => `#${r.id} ${r.asOf}`),
      datasets: segments.map((s, i) => ({
        label: s.code, data: completed.map((r) => (r.segments || {})[s.code] ?? 0),
        borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], tension: 0.2,
      })),
    },
    options: { plugins: { legend: { position: 'right' } }, scales: { y: { beginAtZero: true } } },
  });
  return () => c.destroy();
}

async function membersTab(body, code, page) {
  const size = 50;
  const r = await get(`/api/segments/${encodeURIComponent(code)}/members${qs({ page, size })}`);
  const pager = (p) => `${link('segments', 'members', code)}?page=${p}`;
  replace(body,
    h('h2', t('segments.membersOf', { code, count: r.totalElements })),
    r.content.length ? h('table.members#members',
      h('thead', h('tr', ['segments.studentNo', 'common.name', 'segments.college', 'segments.graduationYear',
        'segments.rule', 'segments.facts'].map((k) => h('th', t(k))))),
      h('tbody', r.content.map((m) => h('tr',
        h('td', h('a', { href: `#/history${qs({ studentNo: m.studentNo })}` }, m.studentNo)),
        h('td', m.name), h('td', m.collegeCode), h('td', m.graduationYear),
        h('td', h('code', m.ruleName)), h('td.facts', m.facts))))) : h('p.empty', t('segments.noMembers')),
    r.totalPages > 1 ? h('div.pager',
      page > 0 ? h('a.button.small', { href: pager(page - 1) }, t('common.previous')) : null,
      h('span', t('common.page', { page: page + 1, pages: r.totalPages })),
      page + 1 < r.totalPages ? h('a.button.small', { href: pager(page + 1) }, t('common.next')) : null) : null);
  return null;
}

async function runsTab(body) {
  let timer = null;
  let stopped = false;
  const progress = h('div.run-progress#run-progress');
  const list = h('div#runs');
  const asOf = h('input#run-as-of', { type: 'date' });
  const startButton = h('button.primary#start-run', { onclick: () => start() }, t('segments.startRun'));
  replace(body,
    canChange() ? h('section.card', h('h2', t('segments.newRun')),
      h('div.inline', h('label', h('span', t('segments.asOf')), asOf), startButton),
      h('p.hint', t('segments.asOfHint')), progress) : null,
    list);

  async function refresh() {
    const runs = await get('/api/segmentation/runs?limit=50');
    replace(list, h('table.runs',
      h('thead', h('tr', ['segments.run', 'segments.asOf', 'segments.status', 'segments.rulesetVersion', 'segments.startedBy',
        'segments.startedAt', 'segments.evaluated', 'segments.duration', 'segments.processesStarted'].map((k) => h('th', t(k))))),
      h('tbody', runs.map((r) => h('tr', { dataset: { runId: r.id } },
        h('td', `#${r.id}`, r.current ? h('span.tag', t('segments.current')) : null),
        h('td', r.asOf), h('td', h(`span.state.${r.status.toLowerCase()}`, t(`segments.status.${r.status}`)),
          r.error ? h('div.error-text', r.error) : null),
        h('td', h('code', (r.rulesetVersion || '').slice(0, 12))), h('td', r.startedBy || ''),
        h('td', formatTime(r.startedAt)), h('td.num', r.alumniEvaluated), h('td', formatDuration(r.durationMs)),
        h('td', Object.entries(r.started || {}).map(([k, n]) => `${k}: ${n}`).join(', ')))))));
    return runs;
  }

  async function watch(id, total) {
    const began = Date.now();
    const tick = async () => {
      if (stopped) return;
      let r;
      try { r = await get(`/api/segmentation/runs/${id}`); } catch (e) { replace(progress, h('div.error', e.message)); return; }
      const pct = total ? Math.min(100, Math.round((100 * r.alumniEvaluated) / total)) : null;
      replace(progress,
        h(`div.notice.${r.status === 'FAILED' ? 'error' : r.status === 'COMPLETED' ? 'success' : 'info'}#run-status`,
          { dataset: { status: r.status } },
          t('segments.runStatus', { id: r.id, status: t(`segments.status.${r.status}`), evaluated: r.alumniEvaluated,
            total: total ?? '?', elapsed: formatDuration(r.durationMs ?? Date.now() - began) }),
          r.error ? h('div', r.error) : null),
        pct != null ? h('progress', { max: 100, value: r.status === 'COMPLETED' ? 100 : pct }) : null);
      if (r.status === 'RUNNING') timer = setTimeout(tick, 1000);
      else { startButton.disabled = false; refresh(); }
    };
    await tick();
  }

  async function start() {
    startButton.disabled = true;
    const total = await get('/api/alumni?size=1').then((p) => p.totalElements).catch(() => null);
    try {
      const run = await post('/api/segmentation/runs', asOf.value ? { asOf: asOf.value } : {});
      await refresh();
      await watch(run.id, total);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body && e.body.runningRunId) {
        replace(progress, h('div.notice.info', e.message));
        await watch(e.body.runningRunId, total);
      } else {
        startButton.disabled = false;
        replace(progress, h('div.error', e.message));
      }
    }
  }

  const runs = await refresh();
  const running = runs.find((r) => r.status === 'RUNNING');
  if (running && canChange()) { startButton.disabled = true; watch(running.id, null); }
  return () => { stopped = true; clearTimeout(timer); };
}

async function rulesTab(body, query) {
  const active = await get('/api/rules');
  const selected = query.get('name') || (active[0] && active[0].name);
  const versions = selected ? await get(`/api/rules/${encodeURIComponent(selected)}/versions`) : [];
  const viewer = h('pre.drl#drl-text');
  const upload = canChange() ? uploadForm(selected) : null;

  const show = async (v) => {
    replace(viewer, await get(`/api/rules/${encodeURIComponent(selected)}/versions/${v.versionNo}`));
  };
  replace(body,
    h('table.rules#active-rules',
      h('thead', h('tr', ['segments.ruleFile', 'segments.activeVersion', 'segments.uploadedBy', 'segments.uploadedAt',
        'segments.comment'].map((k) => h('th', t(k))))),
      h('tbody', active.map((v) => h(`tr${v.name === selected ? '.selected' : ''}`, { dataset: { name: v.name } },
        h('td', h('a', { href: `#/segments/rules?name=${encodeURIComponent(v.name)}` }, v.name)),
        h('td', `v${v.versionNo}`), h('td', v.uploadedBy), h('td', formatTime(v.uploadedAt)), h('td', v.commentText || ''))))),
    selected ? h('section.card',
      h('h2', t('segments.versionsOf', { name: selected })),
      h('table.rule-versions#rule-versions',
        h('thead', h('tr', ['segments.version', 'segments.uploadedBy', 'segments.uploadedAt', 'segments.comment',
          'segments.hash', ''].map((k) => h('th', k ? t(k) : '')))),
        h('tbody', versions.map((v) => h(`tr${v.active ? '.active' : ''}`, { dataset: { version: v.versionNo } },
          h('td', `v${v.versionNo}`, v.active ? h('span.tag', t('segments.active')) : null),
          h('td', v.uploadedBy), h('td', formatTime(v.uploadedAt)), h('td', v.commentText || ''),
          h('td', h('code', (v.contentHash || '').slice(0, 12))),
          h('td.actions',
            h('button.small', { onclick: () => show(v) }, t('segments.showText')),
            canChange() && !v.active ? h('button.small.activate', { onclick: () => activate(v) }, t('segments.reactivate')) : null))))),
      viewer) : null,
    upload);

  async function activate(v) {
    if (!confirm(t('segments.reactivateConfirm', { name: v.name, version: v.versionNo }))) return;
    try {
      await post(`/api/rules/${encodeURIComponent(v.name)}/versions/${v.versionNo}/activate`);
      go(`/segments/rules?name=${encodeURIComponent(v.name)}&t=${Date.now()}`);
    } catch (e) { alert(e.message); }
  }
  return null;
}

function uploadForm(name) {
  const text = h('textarea#drl-upload', { rows: 14, spellcheck: 'false', placeholder: t('segments.drlPlaceholder') });
  const comment = h('input#drl-comment', { type: 'text', placeholder: t('segments.commentPlaceholder') });
  const result = h('div#upload-result');
  const file = h('input', { type: 'file', accept: '.drl,.txt', onchange: async (e) => { text.value = await e.target.files[0].text(); } });
  const send = async () => {
    replace(result, h('p.loading', t('common.working')));
    try {
      const v = await call('PUT', `/api/rules/${encodeURIComponent(name)}${qs({ comment: comment.value })}`,
        { body: text.value, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      replace(result, h('div.notice.success', t('segments.uploaded', { name: v.name, version: v.versionNo })));
      setTimeout(() => go(`/segments/rules?name=${encodeURIComponent(name)}&t=${Date.now()}`), 800);
    } catch (e) {
      const errors = (e.body && e.body.errors) || [];
      replace(result, h('div.notice.error', e.message),
        errors.length ? h('ul.drools-messages#drools-messages', errors.map((m) => h('li',
          m.line ? h('span.position', `${m.file || ''}:${m.line}:${m.column}`) : h('span.position', m.file || ''),
          ' ', m.message))) : null);
    }
  };
  const loadActive = async () => { text.value = await get(`/api/rules/${encodeURIComponent(name)}`); };
  return h('section.card#rule-upload',
    h('h2', t('segments.uploadTitle', { name })),
    h('p.hint', t('segments.uploadHint')),
    h('div.inline', h('button.small', { onclick: loadActive }, t('segments.startFromActive')), h('label.button.small', t('segments.chooseFile'), file)),
    text, comment, h('button.primary#upload', { onclick: send }, t('segments.upload')), result);
}
