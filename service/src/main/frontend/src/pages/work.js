import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { get, query as qs } from '../api.js';
import { go } from '../router.js';
import { chart } from '../charts.js';

/** Managers: open and overdue tasks by owner group and process, each task linked to Tasklist. */
export async function workPage(main, params, query) {
  const filters = { group: query.get('group') || '', processKey: query.get('processKey') || '',
    overdueOnly: query.get('overdueOnly') === 'true' };
  const w = await get(`/api/work/overview${qs({ ...filters, overdueOnly: filters.overdueOnly || null, limit: 200 })}`);
  const groupLabel = (g) => (g ? g : t('work.noGroup'));
  const canvas = h('canvas#work-chart');
  const processes = [...new Set(w.cells.map((c) => c.processKey).filter(Boolean))];
  const setFilter = (change) => go(`/work${qs({ ...filters, ...change, overdueOnly: ({ ...filters, ...change }).overdueOnly || null })}`);

  replace(main,
    h('h1', t('work.title')),
    h('div.kpis',
      h('div.kpi#kpi-open', h('span.value', w.openTasks), h('span.label', t('work.open'))),
      h('div.kpi.overdue#kpi-overdue', h('span.value', w.overdueTasks), h('span.label', t('work.overdue'))),
      h('div.kpi', h('span.value', formatTime(w.asOf)), h('span.label', t('work.asOf')))),
    h('section.card', h('h2', t('work.byGroup')),
      w.byGroup.length ? h('div.chart.tall', { style: `height:${Math.max(220, 28 * w.byGroup.length + 60)}px` }, canvas)
        : h('p.empty', t('work.none'))),
    h('section.card', h('h2', t('work.byGroupAndProcess')),
      h('table.work-matrix#work-matrix',
        h('thead', h('tr', h('th', t('work.group')), processes.map((p) => h('th.num', p)), h('th.num', t('work.total')))),
        h('tbody', w.byGroup.map((g) => h('tr', { dataset: { group: g.group || '' } },
          h('td', h('button.link', { onclick: () => setFilter({ group: g.group || '' }) }, groupLabel(g.group)),
            g.groupName && g.groupName !== g.group ? h('small', ` ${g.groupName}`) : null),
          processes.map((p) => {
            const c = w.cells.find((x) => x.group === g.group && x.processKey === p);
            return h('td.num', c ? [String(c.open), c.overdue ? h('span.overdue-count', ` (${c.overdue})`) : null] : '');
          }),
          h('td.num', String(g.open), g.overdue ? h('span.overdue-count', ` (${g.overdue})`) : null)))),
        h('tfoot', h('tr', h('td', t('work.perProcess')),
          processes.map((p) => {
            const c = w.byProcess.find((x) => x.processKey === p);
            return h('td.num', c ? [String(c.open), c.overdue ? h('span.overdue-count', ` (${c.overdue})`) : null] : '');
          }),
          h('td.num', String(w.openTasks), w.overdueTasks ? h('span.overdue-count', ` (${w.overdueTasks})`) : null)))),
      h('p.hint', t('work.matrixHint'))),
    h('section.card', h('h2', t('work.tasks')),
      h('div.filters.inline',
        h('label', h('span', t('work.group')), h('select#work-group', { onchange: (e) => setFilter({ group: e.target.value }) },
          h('option', { value: '' }, t('work.allGroups')),
          w.byGroup.filter((g) => g.group).map((g) => h('option', { value: g.group, selected: g.group === filters.group }, g.group)))),
        h('label', h('span', t('history.process')), h('select#work-process', { onchange: (e) => setFilter({ processKey: e.target.value }) },
          h('option', { value: '' }, t('history.anyProcess')),
          processes.map((p) => h('option', { value: p, selected: p === filters.processKey }, p)))),
        h('label.check', h('input#work-overdue', { type: 'checkbox', checked: filters.overdueOnly,
          onchange: (e) => setFilter({ overdueOnly: e.target.checked }) }), t('work.overdueOnly'))),
      w.tasks.length ? h('table.tasks#work-tasks',
        h('thead', h('tr', ['work.task', 'history.process', 'common.businessKey', 'work.groups', 'work.assignee', 'work.created',
          'work.due'].map((k) => h('th', t(k))))),
        h('tbody', w.tasks.map((task) => h(`tr${task.overdue ? '.overdue' : ''}`, { dataset: { taskId: task.id } },
          h('td', h('a.tasklist-link', { href: task.tasklistUrl, target: '_blank', rel: 'noopener' }, task.name || task.taskKey)),
          h('td', task.processName || task.processKey || ''), h('td', task.businessKey || ''),
          h('td', task.groups.join(', ')), h('td', task.assignee || ''), h('td', formatTime(task.created)),
          h('td', formatTime(task.due), task.overdue ? h('span.tag.warn', t('work.overdueTag')) : null))))) : h('p.empty', t('work.none')),
      w.moreTasks ? h('p.hint', t('work.more', { count: w.tasks.length })) : null));

  if (!w.byGroup.length) return null;
  const c = chart(canvas, {
    type: 'bar',
    data: {
      labels: w.byGroup.map((g) => groupLabel(g.group)),
      datasets: [
        { label: t('work.onTime'), data: w.byGroup.map((g) => g.open - g.overdue), backgroundColor: '#1f6feb' },
        { label: t('work.overdue'), data: w.byGroup.map((g) => g.overdue), backgroundColor: '#d1242f' },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      onClick: (_, elements) => { if (elements.length) setFilter({ group: w.byGroup[elements[0].index].group || '' }); } },
  });
  return () => c.destroy();
}
