import { nextStep } from '../../journey/domain/index.js';
import { mySessions } from '../../sessions/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { myClaims, supportContactLines, type MyClaim } from '../../relationship/index.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface MyPage {
  readonly name: string;
  readonly stage?: string;
  readonly nextStep: string;
  readonly sessions: readonly { readonly title: string; readonly startsAt: string; readonly timeZone: string; readonly status: string; readonly position?: number }[];
  readonly minutesByMonth: Readonly<Record<string, number>>;
  /** Their own refreshment claims, newest first. */
  readonly claims: readonly MyClaim[];
  /** The numbers the chat's support card shows, in the same order. */
  readonly supportContacts: readonly { readonly label: string; readonly value: string }[];
}

/** The signed-in person's own page: only their own records, read by their own id. */
export async function myPage(deps: WorkspaceDeps, actor: PersonRef): Promise<MyPage> {
  const [mentor, sessions, matches, claims] = await Promise.all([
    deps.sessions.mentors.get(actor.id),
    mySessions(deps.sessions, actor),
    deps.relationship.matches.forMentor(actor.id),
    myClaims(deps.relationship, actor),
  ]);
  const minutesByMonth: Record<string, number> = {};
  for (const match of matches) {
    const relationship = await deps.relationship.relationships.get(match.id);
    for (const [month, minutes] of Object.entries(relationship?.value.minutesByMonth ?? {})) minutesByMonth[month] = (minutesByMonth[month] ?? 0) + minutes;
  }
  return {
    name: mentor?.value.name ?? actor.name,
    ...(mentor ? { stage: mentor.value.stage } : {}),
    nextStep: nextStep(mentor?.value),
    sessions: sessions.map((booking) => ({
      title: booking.session.title,
      startsAt: booking.session.startsAt,
      timeZone: booking.session.timeZone,
      status: booking.status,
      ...(booking.status === 'waiting' ? { position: booking.position } : {}),
    })),
    minutesByMonth,
    claims,
    supportContacts: supportContactLines(deps.relationship.contacts).map(([label, value]) => ({ label, value })),
  };
}
