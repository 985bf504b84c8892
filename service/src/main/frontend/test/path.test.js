import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathTaken } from '../src/bpmn/path.js';

const flows = [
  { id: 'f1', source: 'start', target: 'plan' },
  { id: 'f2', source: 'plan', target: 'gw' },
  { id: 'yes', source: 'gw', target: 'approve' },
  { id: 'no', source: 'gw', target: 'end' },
  { id: 'back', source: 'approve', target: 'plan' },
];

test('counts per activity and the flows taken, a loop and a running task included', () => {
  const at = (s) => `2026-11-25T10:00:${String(s).padStart(2, '0')}.000+0800`;
  const { counts, flows: taken } = pathTaken([
    { activityId: 'start', startTime: at(0), endTime: at(0) },
    { activityId: 'plan', startTime: at(0), endTime: at(5) },
    { activityId: 'gw', startTime: at(5), endTime: at(5) },
    { activityId: 'approve', startTime: at(5), endTime: at(9) },
    { activityId: 'plan', startTime: at(9), endTime: null },
  ], flows);

  assert.deepEqual(counts.plan, { total: 2, completed: 1, active: 1, canceled: 0 });
  assert.deepEqual(counts.start, { total: 1, completed: 1, active: 0, canceled: 0 });
  assert.equal(counts.end, undefined);
  assert.deepEqual(taken, ['f1', 'f2', 'yes', 'back']);
});

test('a canceled activity leaves through none of its flows; a multi-instance body counts as its task', () => {
  const { counts, flows: taken } = pathTaken([
    { activityId: 'start', startTime: '2026-01-01T00:00:00.000+0000', endTime: '2026-01-01T00:00:00.000+0000' },
    { activityId: 'plan#multiInstanceBody', startTime: '2026-01-01T00:00:00.000+0000', endTime: '2026-01-01T00:00:01.000+0000' },
    { activityId: 'plan', startTime: '2026-01-01T00:00:00.000+0000', endTime: '2026-01-01T00:00:01.000+0000', canceled: true },
    { activityId: 'gw', startTime: '2026-01-01T00:00:02.000+0000', endTime: '2026-01-01T00:00:02.000+0000' },
  ], flows);

  assert.deepEqual(counts.plan, { total: 1, completed: 0, active: 0, canceled: 1 });
  assert.deepEqual(taken, ['f1']);
});
