const dateTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

export const formatDateTime = (iso: string): string => dateTime.format(Date.parse(iso));
export const formatDate = (iso: string): string => date.format(Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
export const formatPounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;
export const days = (count: number): string => (count === 1 ? '1 day' : `${count} days`);
/** Days in a stage; a record from before the stage's start was kept counts from its last change, and says so. */
export const daysInStage = (count: number, known: boolean): string => (known ? days(count) : `${days(count)} (since the record's last change)`);

export const STAGE_NAMES: Record<string, string> = {
  interested: 'Interested',
  awaitingApproval: 'Awaiting approval',
  approved: 'Approved',
  declined: 'Declined',
  booked: 'Booked',
  trained: 'Trained',
  profileComplete: 'Ready (pen picture)',
  matched: 'Matched',
  active: 'Mentoring',
  ended: 'Ended',
  withdrawn: 'Withdrawn',
};

export const stageName = (stage: string | undefined): string => (stage ? (STAGE_NAMES[stage] ?? stage) : 'Not signed up');

/** This month as YYYY-MM in the council's time zone. */
export function thisMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/London' }).format(Date.now());
  return parts.slice(0, 7);
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-11" as "November 2026". */
export const formatMonth = (month: string): string => monthName.format(Date.parse(`${month}-15T12:00:00Z`));
