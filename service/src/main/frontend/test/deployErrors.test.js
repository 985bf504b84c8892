import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deploymentErrors } from '../src/bpmn/deployErrors.js';

test('a ParseException: every error pinned on its element, Cyrillic key of the id list read too', () => {
  const problems = deploymentErrors({
    type: 'ParseException',
    message: 'ENGINE-09005 Could not parse BPMN process. Errors: ...',
    details: {
      'probe.bpmn': {
        errors: [
          { message: "userTask 'unowned': the assignment rules decide no owner", line: 8, column: 20, mainElementId: 'unowned', '\u0435lementIds': ['unowned'] },
          { message: "boundaryEvent 'late': bad timer", line: 11, column: 16, mainElementId: null, '\u0435lementIds': ['late'] },
          { message: 'not XML', line: 1, column: 1, mainElementId: null },
        ],
        warnings: [{ message: 'a warning', mainElementId: 'start' }],
      },
    },
  });
  assert.deepEqual(problems.map((p) => [p.elementId, p.severity, p.line]),
    [['unowned', 'error', 8], ['late', 'error', 11], [null, 'error', 1], ['start', 'warning', null]]);
  assert.equal(problems[0].resource, 'probe.bpmn');
});

test('a deployment-level refusal is its message', () => {
  assert.deepEqual(deploymentErrors({ type: 'BadUserRequestException', message: 'Only BPMN diagrams ...', code: 0 }),
    [{ message: 'Only BPMN diagrams ...', elementId: null, severity: 'error' }]);
  assert.equal(deploymentErrors('Bad gateway')[0].message, 'Bad gateway');
});
