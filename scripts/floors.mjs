// The floors of scripts/test.mjs: the fewest tests each counted step may run (test/floors.json).
// A step that runs fewer failed; so does a counted step with no floor, so a new step gets one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOORS_FILE = join('test', 'floors.json');

/** The floors by step name, from `file` (keys starting with `$` are comments). Throws one line on a bad file. */
export function readFloors(file = FLOORS_FILE) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the test floors ${file}: ${e.message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} must be an object of step names to numbers of tests`);
  const floors = new Map();
  for (const [step, floor] of Object.entries(parsed)) {
    if (step.startsWith('$')) continue;
    if (!Number.isInteger(floor) || floor < 1)
      throw new Error(`${file}: the floor of "${step}" must be a whole number of tests above 0, not ${JSON.stringify(floor)}`);
    floors.set(step, floor);
  }
  return floors;
}

/** Why the step's run is below its floor (one line), or null when it is not. `stats`: { passed, failed, pending? }. */
export function checkFloor(floors, step, stats, file = FLOORS_FILE) {
  const floor = floors.get(step);
  if (floor === undefined) return `${step}: no floor in ${file}; add "${step}": <the number of tests it runs>`;
  const ran = stats.passed + stats.failed + (stats.pending ?? 0);
  if (ran >= floor) return null;
  return `${step}: ran ${ran} test(s), fewer than its floor of ${floor} in ${file} (a lost file, a suite that no longer loads, or deleted tests; if fewer is meant, lower the floor in the same commit)`;
}
