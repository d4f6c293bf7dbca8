import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { DEFAULT_RETENTION } from '../../src/privacy/domain/index.js';
import { retentionSchedule } from '../../src/privacy/retention-config.js';

describe('RETENTION_SCHEDULE, checked at start', () => {
  it('unset: the defaults; a class named: only it changes', () => {
    expect(retentionSchedule(undefined)).toBe(DEFAULT_RETENTION);
    expect(retentionSchedule('{"meetingLog":{"months":36}}')).toEqual({ ...DEFAULT_RETENTION, meetingLog: { months: 36 } });
  });

  it.each([
    ['not json', 'Configuration error: RETENTION_SCHEDULE must be JSON, e.g. {"meetingLog":{"months":36}}'],
    ['{"meetingLog":{"months":0}}', 'Configuration error: RETENTION_SCHEDULE meetingLog.months months must be a whole number from 1 to 1200'],
    ['{"meetingLog":{"months":"six"}}', 'Configuration error: RETENTION_SCHEDULE meetingLog.months months must be a whole number from 1 to 1200'],
    ['{"refreshmentClaim":{"months":72,"toYearEnd":"yes"}}', 'Configuration error: RETENTION_SCHEDULE refreshmentClaim.toYearEnd toYearEnd must be true or false'],
    ['null', 'Configuration error: RETENTION_SCHEDULE the schedule must be a JSON object naming classes of record'],
    ['{"meetingLog":24}', 'Configuration error: RETENTION_SCHEDULE meetingLog must be an object such as {"months":24}'],
    ['{"meetingLog":{}}', 'Configuration error: RETENTION_SCHEDULE meetingLog.months months is required (a whole number from 1 to 1200)'],
    ['{"meetings":{"months":12}}', 'Configuration error: RETENTION_SCHEDULE the schedule names an unknown class of record (the classes: declinedSignUp, youngPersonRecord, meetingLog, refreshmentClaim, accessLog, undeliveredMessage, broadcastDelivery, privacyRecord, pastSession, supportConcern, mentorLeft, cohort, rotaMonth)'],
  ])('%s is refused with one line: %s', (raw, message) => {
    expect(() => retentionSchedule(raw)).toThrow(new ConfigError(message));
  });

  it('never fails with anything but a configuration error naming RETENTION_SCHEDULE', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        try {
          retentionSchedule(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).toMatch(/^Configuration error: RETENTION_SCHEDULE /);
          expect((error as Error).message).not.toMatch(/Expected|received|Required/);
        }
      }),
    );
  });
});
