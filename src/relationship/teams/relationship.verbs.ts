/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const RELATIONSHIP_VERBS = {
  acknowledgeConcern: 'acknowledgeConcern',
  answerReview: 'answerReview',
  claimsForMonth: 'claimsForMonth',
  decideClaim: 'decideClaim',
  endForm: 'endForm',
  endMatch: 'endMatch',
  exportClaims: 'exportClaims',
  feedbackForm: 'feedbackForm',
  giveFeedback: 'giveFeedback',
  logCheckIn: 'logCheckIn',
  logMeeting: 'logMeeting',
  meetingForm: 'meetingForm',
  mentorNext: 'mentorNext',
  raiseConcern: 'raiseConcern',
  supportForm: 'supportForm',
} as const;
