/** The "open the next cohort" form as the coordinator's card sends it: the 2027 cohort, in person, 30 seats. */
export const COHORT_FORM_2027 = {
  name: '2027 cohort',
  informationDate: '2027-11-08',
  informationStart: '10:00',
  informationEnd: '12:00',
  trainingDate: '2027-11-29',
  trainingStart: '09:30',
  trainingEnd: '16:30',
  location: 'inPerson',
  venue: 'Civic Centre',
  seats: '30',
  closesHoursBefore: '24',
} as const;
