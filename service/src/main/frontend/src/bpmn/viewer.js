import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { get } from '../api.js';

/** The BPMN XML of a deployed process definition. */
export async function definitionXml(definitionId) {
  const r = await get(`/engine-rest/process-definition/${encodeURIComponent(definitionId)}/xml`);
  return r.bpmn20Xml;
}

/** A read-only diagram (pan and zoom) in the container, fitted to it. The bpmn.io watermark stays. */
export async function showDiagram(container, xml) {
  const viewer = new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  return viewer;
}

/** The diagram's sequence flows as {id, source, target}. */
export function sequenceFlows(viewer) {
  return viewer.get('elementRegistry').filter((e) => e.type === 'bpmn:SequenceFlow')
    .map((e) => ({ id: e.id, source: e.businessObject.sourceRef?.id, target: e.businessObject.targetRef?.id }));
}

/** Marks elements of the diagram (a CSS class on their SVG group) when they are drawn. */
export function mark(viewer, ids, marker) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
}

/** A small label on an element (an overlay of the given type, one CSS class token). */
export function badge(viewer, id, text, type, extraClass = null, position = { top: -10, right: 10 }) {
  if (!viewer.get('elementRegistry').get(id)) return;
  const el = document.createElement('div');
  el.className = extraClass ? `${type} ${extraClass}` : type;
  el.textContent = text;
  viewer.get('overlays').add(id, type, { position, html: el });
}

/** Scrolls an element into view and flashes it. */
export function focusElement(viewer, id) {
  const element = viewer.get('elementRegistry').get(id);
  if (!element) return;
  const canvas = viewer.get('canvas');
  try { canvas.scrollToElement(element); } catch (e) { /* a root element cannot scroll */ }
  canvas.addMarker(id, 'focused');
  setTimeout(() => canvas.removeMarker(id, 'focused'), 1500);
}
