// Camunda's REST answer to a refused deployment (docs/deployments.md of the deploy branch): a ParseException with
// details per resource, each error with its message, line, column and the element to pin it on (mainElementId);
// a deployment-level refusal (BadUserRequestException) has a message only.

// Camunda 7.24 spells the key of the element id list with a Cyrillic 'е' (U+0435).
const ELEMENT_IDS = ['\u0435lementIds', 'elementIds'];

/** The problems of a refused deployment, one per message: {resource, elementId, message, line, column, severity}. */
export function deploymentErrors(body) {
  if (body == null || typeof body !== 'object') {
    return [{ message: body ? String(body) : 'The deployment was refused.', elementId: null, severity: 'error' }];
  }
  const problems = [];
  for (const [resource, report] of Object.entries(body.details || {})) {
    for (const [severity, list] of [['error', report?.errors], ['warning', report?.warnings]]) {
      for (const e of list || []) {
        const ids = ELEMENT_IDS.map((k) => e[k]).find(Array.isArray) || [];
        problems.push({
          resource,
          elementId: e.mainElementId ?? ids[0] ?? null,
          message: e.message,
          line: e.line ?? null,
          column: e.column ?? null,
          severity,
        });
      }
    }
  }
  if (!problems.some((p) => p.severity === 'error')) {
    problems.unshift({ message: body.message || body.detail || 'The deployment was refused.', elementId: null, severity: 'error' });
  }
  return problems;
}
