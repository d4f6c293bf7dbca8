export * from './quarter.js';
export * from './supervision-setting.js';
export * from './supervision-schedule.js';
export type { CalendarDay, WallTime } from './zoned-time.js';
