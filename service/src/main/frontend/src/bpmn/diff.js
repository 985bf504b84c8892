// What changed between two versions of a diagram: the two parsed models (bpmn-moddle definitions) compared
// element by element, by id. An element is added (only in the newer), removed (only in the older), changed (its
// own properties differ: name, type, Camunda attributes, extension elements, conditions, timers, references) or
// moved (only its position or waypoints differ). Children report their own changes: a process whose task changed
// is not itself "changed".

/** The elements compared one by one: what a diagram draws, and the processes themselves. */
const TRACKED = ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:MessageFlow', 'bpmn:Lane', 'bpmn:Artifact',
  'bpmn:Process', 'bpmn:Collaboration'];

/** Properties of a tracked element that list or point at other tracked elements, or hold no meaning of its own. */
const NOT_OWN = new Set(['id', 'di', 'incoming', 'outgoing', 'flowElements', 'laneSets', 'artifacts', 'lanes',
  'childLaneSet', 'participants', 'messageFlows', 'conversations', 'conversationLinks', 'correlationKeys']);

const isTracked = (el) => !!el && typeof el.$instanceOf === 'function' && TRACKED.some((t) => el.$instanceOf(t));

const descriptorProperties = (el) => (el.$descriptor && el.$descriptor.properties) || [];

const read = (el, name) => (typeof el.get === 'function' ? el.get(name) : el[name]);

/** Every tracked element of the definitions by id, in document order. */
export function collectElements(definitions) {
  const elements = new Map();
  const seen = new Set();
  const visit = (el) => {
    if (!el || typeof el !== 'object' || !el.$type || seen.has(el)) return;
    seen.add(el);
    if (isTracked(el) && el.id && !elements.has(el.id)) elements.set(el.id, el);
    for (const p of descriptorProperties(el)) {
      if (p.isReference || p.name === 'di' || p.name === 'diagrams') continue;
      const v = read(el, p.name);
      (Array.isArray(v) ? v : [v]).forEach(visit);
    }
  };
  visit(definitions);
  return elements;
}

function refs(v) {
  if (v == null) return undefined;
  if (Array.isArray(v)) return v.length ? v.map((r) => (r && r.id) || String(r)) : undefined;
  return v.id || String(v);
}

function value(v) {
  if (v == null) return undefined;
  if (Array.isArray(v)) {
    const list = v.map(value).filter((x) => x !== undefined);
    return list.length ? list : undefined;
  }
  if (typeof v === 'object' && v.$type) return isTracked(v) && v.id ? `#${v.id}` : nested(v);
  if (typeof v === 'object') return JSON.parse(JSON.stringify(v));
  return v;
}

function attrs(el, out) {
  for (const [k, v] of Object.entries(el.$attrs || {})) {
    if (!k.startsWith('xmlns')) out[`@${k}`] = v;
  }
}

/** A nested object (an event definition, extension elements, an expression) with its content; its id is noise. */
function nested(el) {
  const out = { $type: el.$type };
  for (const p of descriptorProperties(el)) {
    if (p.name === 'id' || p.name === 'di') continue;
    const v = read(el, p.name);
    const x = p.isReference ? refs(v) : value(v);
    if (x !== undefined) out[p.name] = x;
  }
  attrs(el, out);
  if (el.$body !== undefined) out.$body = el.$body;
  if (el.$children) out.$children = value(el.$children);
  return out;
}

/** The element's own properties, each as a comparable value. */
export function ownProperties(el) {
  const out = { $type: el.$type };
  for (const p of descriptorProperties(el)) {
    if (NOT_OWN.has(p.name)) continue;
    const v = read(el, p.name);
    const x = p.isReference ? refs(v) : value(v);
    if (x !== undefined) out[p.name] = x;
  }
  attrs(el, out);
  return out;
}

/** Where each element is drawn: bounds of shapes, waypoints of edges, by element id. */
export function layout(definitions) {
  const places = new Map();
  for (const diagram of definitions.diagrams || []) {
    for (const di of (diagram.plane && diagram.plane.planeElement) || []) {
      const id = di.bpmnElement && di.bpmnElement.id;
      if (!id) continue;
      const b = di.bounds;
      const place = b ? [b.x, b.y, b.width, b.height].map(Math.round).join(',')
        : (di.waypoint || []).map((w) => `${Math.round(w.x)},${Math.round(w.y)}`).join(' ');
      places.set(id, place);
    }
  }
  return places;
}

const text = (v) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const info = (el) => ({ id: el.id, type: el.$type, name: el.name || '' });

/**
 * @returns {{added: object[], removed: object[], changed: object[], moved: object[], unchanged: number}} each entry
 *   {id, type, name}; a changed one also {changes: [{property, before, after}]}
 */
export function diffDefinitions(older, newer) {
  const a = collectElements(older);
  const b = collectElements(newer);
  const placesA = layout(older);
  const placesB = layout(newer);
  const result = { added: [], removed: [], changed: [], moved: [], unchanged: 0 };
  for (const [id, el] of a) if (!b.has(id)) result.removed.push(info(el));
  for (const [id, el] of b) {
    const before = a.get(id);
    if (!before) { result.added.push(info(el)); continue; }
    const pa = ownProperties(before);
    const pb = ownProperties(el);
    const changes = [];
    for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      const x = text(pa[key]);
      const y = text(pb[key]);
      if (x !== y) changes.push({ property: key === '$type' ? 'type' : key.replace(/^@/, ''), before: x, after: y });
    }
    if (changes.length) result.changed.push({ ...info(el), changes });
    else if ((placesA.get(id) ?? '') !== (placesB.get(id) ?? '')) result.moved.push(info(el));
    else result.unchanged += 1;
  }
  return result;
}
