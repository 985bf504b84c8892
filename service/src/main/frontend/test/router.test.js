import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardLeaving, mayLeave } from '../src/router.js';

test('a page without a guard may always be left', () => {
  assert.equal(mayLeave(), true);
});

test('a guard decides until it is removed', () => {
  let answer = false;
  const unguard = guardLeaving(() => answer);
  assert.equal(mayLeave(), false);
  answer = true;
  assert.equal(mayLeave(), true);
  unguard();
  answer = false;
  assert.equal(mayLeave(), true);
});

test('removing an older guard leaves the newer one in place', () => {
  const unguardOld = guardLeaving(() => true);
  const unguardNew = guardLeaving(() => false);
  unguardOld();
  assert.equal(mayLeave(), false);
  unguardNew();
  assert.equal(mayLeave(), true);
});
