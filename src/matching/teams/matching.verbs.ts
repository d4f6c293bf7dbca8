/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const MATCHING_VERBS = {
  acceptMatch: 'acceptMatch',
  changeYoungPersonStatus: 'changeYoungPersonStatus',
  conflictsForm: 'conflictsForm',
  dbsForm: 'dbsForm',
  declineMatch: 'declineMatch',
  editProfile: 'editProfile',
  putMentors: 'putMentors',
  recordChoice: 'recordChoice',
  recordDbs: 'recordDbs',
  saveConflicts: 'saveConflicts',
  saveProfile: 'saveProfile',
  saveYoungPerson: 'saveYoungPerson',
  suggestMentors: 'suggestMentors',
  viewYoungPerson: 'viewYoungPerson',
  youngPersonForm: 'youngPersonForm',
  youngPersonReads: 'youngPersonReads',
} as const;
