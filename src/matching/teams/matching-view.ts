import { describeList, describeValue, penPictureView, type PenPictureView } from '../domain/index.js';
import type { YoungPerson } from '../domain/young-people/index.js';
import { menteeView } from '../domain/young-people/index.js';
import type { EmergencyContacts } from '../app/matching-ports.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import type { MatchStartedView } from './cards/matching.card.js';

/** Pen pictures of the given mentors, one for each id and in the same order, as a young person reads them. */
export async function penPictures(deps: MatchingDeps, mentorIds: readonly string[]): Promise<PenPictureView[]> {
  return Promise.all(
    mentorIds.map(async (id) => {
      const [mentor, record] = await Promise.all([deps.journey.mentors.get(id), deps.records.get(id)]);
      if (mentor && record?.value.profile) return penPictureView(mentor.value.name, record.value.profile);
      return { name: mentor?.value.name ?? 'A mentor', aboutMe: 'No pen picture is on record for this mentor now.', experience: '', interests: '', expertise: '', meets: '' };
    }),
  );
}

const ROLE: Record<YoungPerson['keyAdult']['role'], string> = { personalAdviser: 'Personal adviser (PA)', socialWorker: 'Social worker' };

/** What the matched mentor is sent: built from `menteeView`, so nothing else of the record can reach the card. */
export function matchStartedView(youngPerson: YoungPerson, contacts: EmergencyContacts, now: Date): MatchStartedView {
  const view = menteeView(youngPerson, now);
  return {
    firstName: view.firstName,
    age: view.age,
    interests: describeList(view.interests),
    eetGoals: describeList(view.eetGoals),
    meets: describeList(view.meetingModes, 'or'),
    free: describeList(view.availability, 'or') || describeValue(''),
    keyAdult: { role: ROLE[view.keyAdult.role], name: view.keyAdult.name, contact: view.keyAdult.contact },
    ...(contacts.dutyLine ? { dutyLine: contacts.dutyLine } : {}),
    ...(contacts.serviceManager ? { serviceManager: contacts.serviceManager } : {}),
  };
}
