import { ALEX, MEGAN, type TestPerson } from './people.js';
import type { SentActivity } from './teams-connector.js';
import { action, message } from './test-bot.js';

/** What a senior manager's sign-up card sends when every field is filled in (Input.Toggle values are strings). */
export const SIGN_UP_FORM = {
  role: 'seniorManager',
  directorateOrWard: 'Regeneration and Environment',
  jobTitle: 'Head of Highways',
  worksInChildrensServices: 'false',
  motivation: 'I grew up near here and want to open doors into council jobs.',
  consent: 'true',
  commitment: 'true',
} as const;

/**
 * Alex signs up over the bot with the form above, and Megan, his line manager in the local directory, approves from the
 * card she is sent: the journey up to an approved mentor, as the two would do it in Teams.
 */
export async function signUpApproved(
  t: { send(activity: Record<string, unknown>): Promise<unknown> },
  cardWith: (person: TestPerson, words: string) => Promise<SentActivity>,
): Promise<void> {
  await t.send(message(ALEX, 'sign up'));
  await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
  const request = await cardWith(MEGAN, 'Alex Wilber asks');
  const approvalId = JSON.stringify(request.activity).match(/"approvalId":"([^"]+)"/)![1]!;
  await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
}
