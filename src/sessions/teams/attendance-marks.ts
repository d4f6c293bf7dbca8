import type { AttendanceMark } from '../domain/index.js';
import { ATTENDANCE_INPUTS, PRESENT_PREFIX } from './cards/attendance.card.js';

const MAX_PEOPLE = 500;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * The marks a saved attendance card carries: everyone the tick list showed, present when ticked and absent when not
 * (so taking a tick off records them absent), or the `present.<id>` toggles of an older card. The use case checks
 * every id against the session's confirmed places; nothing here is trusted.
 */
export function attendanceMarksOf(data: unknown): AttendanceMark[] {
  const values = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const shown = Array.isArray(values[ATTENDANCE_INPUTS.shown]) ? (values[ATTENDANCE_INPUTS.shown] as unknown[]).filter(isId).slice(0, MAX_PEOPLE) : undefined;
  if (!shown) return toggles(values);
  const raw = values[ATTENDANCE_INPUTS.present];
  const ticked = new Set(typeof raw === 'string' ? raw.split(',').map((id) => id.trim()).filter(isId) : []);
  const people = [...new Set([...shown, ...ticked])].slice(0, MAX_PEOPLE);
  return people.map((personId) => ({ personId, present: ticked.has(personId) }));
}

function toggles(values: Record<string, unknown>): AttendanceMark[] {
  return Object.entries(values)
    .filter(([key, value]) => key.startsWith(PRESENT_PREFIX) && (value === 'true' || value === 'false'))
    .map(([key, value]) => ({ personId: key.slice(PRESENT_PREFIX.length), present: value === 'true' }));
}
