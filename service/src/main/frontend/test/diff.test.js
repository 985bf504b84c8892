import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { diffDefinitions } from '../src/bpmn/diff.js';

const require = createRequire(import.meta.url);
const camunda = JSON.parse(readFileSync(require.resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8'));

const diagram = ({ taskName = 'Plan the visit', assignee = 'alice', extraTask = false, timer = 'P3D', x = 200 } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="probe" isExecutable="true" camunda:historyTimeToLive="30">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="plan" name="${taskName}" camunda:assignee="${assignee}"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:boundaryEvent id="late" attachedToRef="plan"><bpmn:timerEventDefinition id="TimerDef_${timer}"><bpmn:timeDuration>${timer}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    ${extraTask ? '<bpmn:userTask id="review" name="Review"><bpmn:incoming>f3</bpmn:incoming></bpmn:userTask><bpmn:sequenceFlow id="f3" sourceRef="plan" targetRef="review"/>' : ''}
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="plan"/>
    <bpmn:sequenceFlow id="f2" sourceRef="plan" targetRef="end"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="probe">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="plan_di" bpmnElement="plan"><dc:Bounds x="${x}" y="80" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="400" y="100" width="36" height="36"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const parse = async (xml) => (await new BpmnModdle({ camunda }).fromXML(xml)).rootElement;
const diff = async (a, b) => diffDefinitions(await parse(diagram(a)), await parse(diagram(b)));

test('the same diagram has no changes', async () => {
  const d = await diff({}, {});
  assert.deepEqual([d.added, d.removed, d.changed, d.moved], [[], [], [], []]);
  assert.equal(d.unchanged, 7); // process, 3 nodes, boundary event, 2 flows
});

test('a renamed task is changed, with its old and new name', async () => {
  const d = await diff({}, { taskName: 'Plan the visit (v2)' });
  assert.deepEqual(d.changed, [{ id: 'plan', type: 'bpmn:UserTask', name: 'Plan the visit (v2)',
    changes: [{ property: 'name', before: 'Plan the visit', after: 'Plan the visit (v2)' }] }]);
});

test('a Camunda attribute and a timer are changes of their element; a nested id is not', async () => {
  const d = await diff({}, { assignee: 'bob', timer: 'P5D' });
  assert.deepEqual(d.changed.map((c) => [c.id, c.changes.map((x) => x.property)]),
    [['plan', ['assignee']], ['late', ['eventDefinitions']]]);
});

test('added elements are listed once, their container is not changed', async () => {
  const d = await diff({}, { extraTask: true });
  assert.deepEqual(d.added.map((a) => a.id), ['review', 'f3']);
  assert.deepEqual(d.changed, []);
  const back = await diff({ extraTask: true }, {});
  assert.deepEqual(back.removed.map((a) => a.id), ['review', 'f3']);
});

test('a shape moved elsewhere is moved, not changed', async () => {
  const d = await diff({}, { x: 260 });
  assert.deepEqual(d.moved.map((m) => m.id), ['plan']);
  assert.deepEqual(d.changed, []);
});
