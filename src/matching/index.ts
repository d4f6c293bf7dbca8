/** The matching capability's face: the only module other capabilities import. */
export * from './app/matching-ports.js';
export * from './domain/index.js';
export * from './domain/young-people/index.js';
export { matchSchema } from './store/matching-schemas.js';
export { MentorMatchingRepository } from './store/mentor-matching.repository.js';
export { YoungPeopleRepository, toEntity as youngPersonEntity } from './store/young-people.repository.js';
export { YoungPersonAccessLog } from './store/young-person-access.log.js';
export * from './app/matching-deps.js';
export { sharedMatching, type SharedMatching } from './shared-matching.js';
export { pipeline, type Pipeline } from './app/pipeline.js';
export { mentorRoster, type RosterEntry } from './app/mentor-roster.js';
export { listYoungPeople } from './app/young-people.js';
export { youngPeoplePage, type YoungPeoplePage } from './app/young-people.js';
export { putMentors, suggestMentors } from './app/suggest-mentors.js';
