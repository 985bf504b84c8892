// The path an instance took, from Camunda's historic activity instances: how often each activity ran, which ran
// to its end, which still run, and the sequence flows taken. History has no record of flows; a flow counts as
// taken when its target started at or after its source ended.

const time = (s) => (s ? Date.parse(String(s).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : null);

/** 'task#multiInstanceBody' is the multi-instance body of 'task'. */
export const baseId = (activityId) => String(activityId).split('#')[0];

/**
 * @param activityInstances [{activityId, startTime, endTime, canceled}] (GET /engine-rest/history/activity-instance)
 * @param flows [{id, source, target}] the diagram's sequence flows
 * @returns {counts: {activityId: {total, completed, active, canceled}}, flows: [flow ids taken]}
 */
export function pathTaken(activityInstances, flows) {
  const counts = {};
  const runs = {};
  for (const ai of activityInstances) {
    if (String(ai.activityId).includes('#multiInstanceBody')) continue; // its inner activity counts
    const id = baseId(ai.activityId);
    const c = (counts[id] ||= { total: 0, completed: 0, active: 0, canceled: 0 });
    c.total += 1;
    if (!ai.endTime) c.active += 1;
    else if (ai.canceled) c.canceled += 1;
    else c.completed += 1;
    (runs[id] ||= []).push({ start: time(ai.startTime), end: time(ai.endTime), canceled: !!ai.canceled });
  }
  // a canceled activity (interrupted by a boundary event, say) left through none of its flows
  const taken = flows.filter((f) => (runs[f.source] || []).some((s) => s.end != null && !s.canceled
    && (runs[f.target] || []).some((t) => t.start != null && t.start >= s.end)));
  return { counts, flows: taken.map((f) => f.id) };
}
