// The browser modeler: bpmn-js Modeler with the properties panel and its Camunda 7 provider. Deploying goes to
// Camunda's REST API (POST /engine-rest/deployment/create) as Camunda Modeler does; the server validates every
// deployment and answers a refusal with each problem at its element, which is pinned on the diagram here.
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { h, replace, download } from '../dom.js';
import { t } from '../i18n.js';
import { call, ApiError } from '../api.js';
import { guardLeaving, link, go } from '../router.js';
import { loadProcesses } from './processes.js';
import { definitionXml, focusElement } from '../bpmn/viewer.js';
import { deploymentErrors } from '../bpmn/deployErrors.js';

const BLANK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="newProcess" isExecutable="true" camunda:historyTimeToLive="1825">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="newProcess">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The key of the diagram's (first) executable process: it names the deployment and the file. */
function processKey(modeler) {
  const processes = modeler.getDefinitions().rootElements.filter((e) => e.$type === 'bpmn:Process');
  return (processes.find((p) => p.isExecutable) || processes[0] || {}).id;
}

export async function modelerPage(main, params) {
  let source = null; // {key, version, definitionId} when editing a deployed version
  if (params.key) {
    const p = (await loadProcesses()).find((x) => x.key === params.key);
    const v = p && p.versions.find((x) => String(x.version) === params.version);
    if (!v) {
      replace(main, h('div.error', t('processes.notFound', { key: params.key, version: params.version })));
      return null;
    }
    source = { key: p.key, name: p.name, version: v.version, definitionId: v.definitionId, latest: p.latestVersion };
  }

  const canvas = h('div.modeler-canvas#canvas');
  const properties = h('div.properties#properties');
  const problems = h('div.problems#problems');
  const status = h('div.status#modeler-status');
  const fileInput = h('input#open-file', { type: 'file', accept: '.bpmn,.xml', onchange: (e) => openFile(e.target.files[0]) });
  const deployButton = h('button.primary#deploy', { onclick: () => deploy() }, t('modeler.deploy'));

  replace(main,
    h('div.page-head',
      h('h1', h('a', { href: '#/processes' }, t('processes.title')), ' / ',
        source ? [source.name || source.key, ' ', h('span.version-badge', `v${source.version}`), ' ', t('modeler.editing')]
          : t('modeler.newTitle')),
      h('div.toolbar',
        h('label.button', t('modeler.openFile'), fileInput),
        source ? null : h('button#blank', { onclick: () => load(BLANK) }, t('modeler.blank')),
        h('button#download', { onclick: () => saveFile() }, t('modeler.download')),
        deployButton)),
    h('p.hint', source && source.version !== source.latest
      ? t('modeler.hintOld', { version: source.version, latest: source.latest }) : t('modeler.hint')),
    status,
    h('div.modeler', canvas, properties),
    problems);

  const modeler = new Modeler({
    container: canvas,
    // the General group (name, id) open: renaming is what managers do most
    propertiesPanel: { parent: properties, layout: { groups: { general: { open: true } } } },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule],
    moddleExtensions: { camunda: camundaModdle },
  });
  let pinned = [];
  const dirty = () => modeler.get('commandStack').canUndo();
  const beforeUnload = (e) => { if (dirty()) { e.preventDefault(); e.returnValue = ''; } };
  window.addEventListener('beforeunload', beforeUnload);
  // a move to another page of the console (a link, the menu, signing out) asks first, as closing the tab does
  let leaving = false; // asked once: signing out goes on to the sign-in page without asking again
  const unguard = guardLeaving(() => leaving || !dirty() || (leaving = window.confirm(t('modeler.leave'))));

  async function load(xml) {
    clearProblems();
    const { warnings } = await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    if (warnings.length) console.warn('import warnings', warnings);
    setStatus(null);
  }

  async function openFile(file) {
    if (!file) return;
    try {
      await load(await file.text());
      source = null; // a file from disk is deployed as what it is, not as an edit of the version shown
      setStatus('info', t('modeler.opened', { file: file.name }));
    } catch (e) {
      setStatus('error', t('modeler.notBpmn', { message: e.message }));
    }
  }

  async function saveFile() {
    const { xml } = await modeler.saveXML({ format: true });
    download(new Blob([xml], { type: 'application/xml' }), `${processKey(modeler) || 'diagram'}.bpmn`);
  }

  function setStatus(kind, text) {
    replace(status, text ? h(`div.notice.${kind}`, text) : null);
  }

  function clearProblems() {
    const c = modeler.get('canvas');
    modeler.get('overlays').remove({ type: 'deploy-problem' });
    pinned.forEach((id) => { c.removeMarker(id, 'deploy-error'); c.removeMarker(id, 'deploy-warning'); });
    pinned = [];
    replace(problems);
  }

  function showProblems(list) {
    const registry = modeler.get('elementRegistry');
    const byElement = new Map();
    for (const p of list) {
      if (p.elementId && registry.get(p.elementId)) {
        if (!byElement.has(p.elementId)) byElement.set(p.elementId, []);
        byElement.get(p.elementId).push(p);
      }
    }
    for (const [id, items] of byElement) {
      const severity = items.some((p) => p.severity === 'error') ? 'error' : 'warning';
      const element = registry.get(id);
      pinned.push(id);
      modeler.get('canvas').addMarker(id, `deploy-${severity}`);
      if (element.waypoints) continue; // a flow is coloured, an overlay would hide its label
      // the server's own words, under the element
      const note = h(`div.deploy-problem.${severity}`, { dataset: { elementId: id } },
        items.map((p) => h('div', h('b', '! '), p.message)));
      modeler.get('overlays').add(id, 'deploy-problem', { position: { bottom: -10, left: -20 }, html: note });
    }
    replace(problems,
      h('h3', t('modeler.refused', { count: list.filter((p) => p.severity === 'error').length })),
      h('ul.problem-list', list.map((p) => h(`li.${p.severity}`, { dataset: { elementId: p.elementId || '' } },
        p.elementId ? h('button.link.element-ref', { onclick: () => focusAndSelect(p.elementId) }, p.elementId) : null,
        p.line ? h('span.position', t('modeler.lineColumn', { line: p.line, column: p.column })) : null,
        h('span.message', p.message)))));
  }

  function focusAndSelect(id) {
    const element = modeler.get('elementRegistry').get(id);
    if (!element) return;
    modeler.get('selection').select(element);
    focusElement(modeler, id);
  }

  async function deploy() {
    clearProblems();
    const key = processKey(modeler);
    if (!key) { setStatus('error', t('modeler.noProcess')); return; }
    if (source && !dirty()) { setStatus('info', t('modeler.unchanged')); return; }
    deployButton.disabled = true;
    setStatus('info', t('modeler.deploying'));
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const form = new FormData();
      // a deployment name of its own: Camunda's deploy-changed-only compares with the last console deployment of
      // this process, never with the service's start-up deployment of processes/
      form.append('deployment-name', `console-${key}`);
      form.append('deployment-source', 'alumni-console');
      form.append('deploy-changed-only', 'true');
      form.append('data', new Blob([xml], { type: 'application/octet-stream' }), `${key}.bpmn`);
      const r = await call('POST', '/engine-rest/deployment/create', { body: form });
      const deployed = Object.values(r.deployedProcessDefinitions || {});
      const mine = deployed.find((d) => d.key === key) || deployed[0];
      if (!mine) { setStatus('info', t('modeler.nothingDeployed')); return; }
      modeler.get('commandStack').clear();
      go(`${link('processes', mine.key, mine.version)}?deployed=1`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setStatus('error', t('modeler.refusedStatus'));
        showProblems(deploymentErrors(e.body));
      } else {
        setStatus('error', e.message);
      }
    } finally {
      deployButton.disabled = false;
    }
  }

  if (source) await load(await definitionXml(source.definitionId));
  else await load(BLANK);

  // the modeler of this page, for a look from the browser's developer tools
  window.consoleModeler = modeler;
  return () => {
    unguard();
    window.removeEventListener('beforeunload', beforeUnload);
    delete window.consoleModeler;
    modeler.destroy();
  };
}
