/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const SESSION_VERBS = {
  attendanceForm: 'attendanceForm',
  bookSession: 'bookSession',
  cancelSession: 'cancelSession',
  cancelSessionBooking: 'cancelSessionBooking',
  changeSeats: 'changeSeats',
  createSession: 'createSession',
  moveSession: 'moveSession',
  newSessionForm: 'newSessionForm',
  openCohort: 'openCohort',
  openCohortForm: 'openCohortForm',
  recordAttendance: 'recordAttendance',
  retrySessionCalendar: 'retrySessionCalendar',
} as const;
