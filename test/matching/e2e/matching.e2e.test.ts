import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMentor, type Mentor } from '../../../src/journey/domain/index.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { EffectQueue } from '../../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, type TestPerson } from '../../support/people.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

/** Dates of birth relative to today, so the ages hold whenever the test runs. */
function bornYearsAgo(years: number, extraDays = 40): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - extraDays);
  return date.toISOString().slice(0, 10);
}

const TEEN = { reference: 'LC-90817', firstName: 'Jaydenne', dateOfBirth: bornYearsAgo(17) };
const ADULT = { reference: 'LC-44501', firstName: 'Marisol', dateOfBirth: bornYearsAgo(19) };

function youngPersonForm(who: { reference: string; firstName: string; dateOfBirth: string }, overrides: Record<string, unknown> = {}) {
  return {
    ...who,
    gender: 'female',
    homeArea: 'central',
    interests: 'football,music',
    eetGoals: 'business',
    availability: 'weekdayEvening,weekendDaytime',
    prefMeetingMode: 'inPerson',
    prefMeetingModeRequired: 'false',
    keyAdultRole: 'personalAdviser',
    keyAdultName: 'Priya Shah',
    keyAdultContact: '07700 900123',
    ...overrides,
  };
}

const PROFILE = {
  aboutMe: 'I run the highways team and coach a youth football side at weekends.',
  experience: 'Twenty years in the council, starting as an apprentice.',
  interests: 'football,music',
  expertise: 'business,construction',
  gender: 'male',
  ageBand: '40to49',
  menteeAgeMin: '16',
  menteeAgeMax: '25',
  availability: 'weekdayEvening,weekendDaytime',
  meetingModes: 'inPerson,online',
  venues: 'cafe',
  areas: 'central,north',
  travelMiles: '10',
};

describe('pen pictures, DBS, young people and matching, over the bot endpoint', () => {
  let t: TestBot;
  let mentors: MentorRepository;
  const clients = () => storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });

  /** Training attendance belongs to the sessions feature; here the mentors are put at "trained" directly. */
  async function trained(person: TestPerson, worksInChildrensServices: boolean, councillor = false): Promise<void> {
    const base = newMentor(person, {}, new Date());
    const role = councillor ? ('electedMember' as const) : ('seniorManager' as const);
    const mentor: Mentor = {
      ...base,
      stage: 'trained',
      details: { role, directorateOrWard: 'Place', jobTitle: 'Head of Service', worksInChildrensServices, motivation: 'To help.', ...(councillor ? { declarationOfInterests: 'Chair of governors at a school in the central area.' } : {}) },
    };
    await mentors.save({ value: mentor, audit: [], effects: [] });
  }

  beforeAll(async () => {
    t = await startTestBot({
      SCHEDULER_INTERVAL_SECONDS: '1',
      LEAVING_CARE_DUTY_LINE: '0300 555 0100',
      SERVICE_MANAGER_NAME: 'Isaiah Langer',
      SERVICE_MANAGER_CONTACT: '0300 555 0199',
    });
    const prefix = t.env.TABLE_PREFIX!;
    mentors = new MentorRepository(clients().table(`${prefix}Mentors`), new EffectQueue(clients().queue(`${prefix.toLowerCase()}-effects`), () => new Date()), () => new Date());
    for (const person of [ALEX, GRADY, ADELE, ISAIAH, MEGAN]) await t.send(installed(person));
    await trained(ALEX, false);
    await trained(GRADY, true);
    await trained(ADELE, false, true);
  });
  afterAll(() => t.stop());

  const { cardsTo, lastCardTo, cardWith: waitForCard } = inboxOf(() => t);
  const act = async (person: TestPerson, verb: string, data: Record<string, unknown> = {}) => textOf(invokeCard(await t.send(action(person, verb, data))));
  const say = async (person: TestPerson, text: string) => {
    await t.send(message(person, text));
    return lastCardTo(person);
  };
  let teenId = '';
  let adultId = '';

  it('asks a trained mentor for their pen picture', async () => {
    const asked = await waitForCard(ALEX, 'Thank you for completing the training');
    expect(JSON.stringify(asked.activity)).toContain('"label":"About me"');
    // Folded or not, every answer the form sends is still on it, under the same id.
    for (const id of Object.keys(PROFILE)) expect(JSON.stringify(asked.activity)).toContain(`"id":"${id}"`);
    await waitForCard(GRADY, 'Thank you for completing the training');
  });

  it('refuses a bad profile with a clear message and stores nothing', async () => {
    const answer = await act(GRADY, 'saveProfile', { ...PROFILE, interests: 'skydiving', aboutMe: 'x'.repeat(700) });
    expect(answer).toContain('Interests can only be');
    expect(answer).toContain('please keep it to 600 or fewer');
    expect(answer).toContain('Nothing was saved');
    // Each problem right under its own field; one in the folded part is also named under its button.
    const refused = JSON.stringify(invokeCard(await t.send(action(GRADY, 'saveProfile', { ...PROFILE, interests: 'skydiving', travelMiles: '900' }))));
    const at = (words: string) => refused.indexOf(words);
    expect(at('Interests can only be')).toBeGreaterThan(at('"id":"interests"'));
    expect(at('Interests can only be')).toBeLessThan(at('"id":"gender"'));
    expect(at('In here: How far I can travel (miles).')).toBeGreaterThan(at('"id":"moreAboutMeToggle"'));
    expect(at('How far you can travel (miles) must be between 0 and')).toBeGreaterThan(at('"id":"travelMiles"'));
    expect(await say(GRADY, 'my profile')).toContain('Save my profile');
    expect(await say(GRADY, 'my status')).toContain('trained');
  });

  it('saves the pen picture, shows it as a young person will see it, and moves the mentor on', async () => {
    expect(await say(ALEX, 'my profile')).toContain('Save my profile');
    const answer = await act(ALEX, 'saveProfile', PROFILE);
    expect(answer).toContain('how a young person will see it');
    expect(answer).toContain('coach a youth football side');
    expect(answer).toContain('football and music');
    expect(answer).not.toContain('40 to 49');
    expect(await say(ALEX, 'my status')).toContain('ready to be matched');
    expect(await say(ALEX, 'my profile')).toContain('Edit my profile');
    await act(GRADY, 'saveProfile', { ...PROFILE, aboutMe: 'Finance lead; I like music.', gender: 'female' });
    expect(await act(ADELE, 'saveProfile', { ...PROFILE, aboutMe: 'Ward councillor; I love music.', gender: 'female' })).toContain('how a young person will see it');
  });

  it('refuses every coordinator command and action to anyone else', async () => {
    for (const command of ['dbs', 'pipeline', 'young people', 'add young person', 'match', 'conflicts']) {
      expect(await say(GRADY, command)).toContain('Only the scheme coordinators');
    }
    const anyId = { mentorId: GRADY.id, youngPersonId: 'x', proposalId: 'y', event: 'close', mentorIds: GRADY.id, choice: GRADY.id };
    for (const verb of ['dbsForm', 'recordDbs', 'youngPersonForm', 'saveYoungPerson', 'viewYoungPerson', 'changeYoungPersonStatus', 'suggestMentors', 'putMentors', 'recordChoice', 'conflictsForm', 'saveConflicts', 'youngPersonReads']) {
      expect(await act(GRADY, verb, { ...anyId, ...youngPersonForm(TEEN), checkedOn: '2026-01-01', certificateReference: '001234567890', updateService: 'true' })).toContain('Only the scheme coordinators');
    }
    expect(await say(GRADY, 'my profile')).toContain('Edit my profile');
  });

  it('lets the coordinator record an enhanced DBS check, refusing a date in the future', async () => {
    const list = await say(ISAIAH, 'dbs');
    expect(list).toContain('Alex Wilber');
    expect(list).toContain('Grady Archie');
    expect(JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'dbsForm', { mentorId: ALEX.id }))))).toContain('Certificate number (12 digits)');
    const future = await act(ISAIAH, 'recordDbs', { mentorId: ALEX.id, checkedOn: '2999-01-01', certificateReference: '001234567890', updateService: 'true' });
    expect(future).toContain('cannot be in the future');
    expect(await act(ISAIAH, 'recordDbs', { mentorId: ALEX.id, checkedOn: '2026-01-10', certificateReference: '001234567890', updateService: 'true' })).toContain(
      'Recorded the enhanced DBS check for Alex Wilber',
    );
    const after = await say(ISAIAH, 'dbs');
    expect(after).not.toContain('Alex Wilber');
    expect(after).toContain('Grady Archie');
  });

  it("records a councillor's conflicts of interest from their declaration, refusing unknown areas", async () => {
    const list = await say(ISAIAH, 'conflicts');
    expect(list).toContain('Adele Vance');
    expect(list).toContain('Chair of governors at a school in the central area.');
    expect(list).not.toContain('Alex Wilber');
    expect(JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'conflictsForm', { mentorId: ADELE.id }))))).toContain('Areas where they should not mentor');
    const bad = await act(ISAIAH, 'saveConflicts', { mentorId: ADELE.id, conflictAreas: 'atlantis' });
    expect(bad).toContain('Areas can only be');
    expect(bad).toContain('Nothing was saved');
    expect(await act(ISAIAH, 'saveConflicts', { mentorId: ADELE.id, conflictAreas: 'central' })).toContain('Recorded for matching: areas: central');
  });

  it('shows the mentor their DBS status in my status', async () => {
    expect(await say(ALEX, 'my status')).toContain('Enhanced DBS check recorded');
    expect(await say(GRADY, 'my status')).toContain('No enhanced DBS check recorded yet');
  });

  it('refuses bad young person details with a clear message and stores nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ dateOfBirth: '2999-05-01' }, 'cannot be in the future'],
      [{ dateOfBirth: bornYearsAgo(30) }, 'the scheme is for young people aged 16 to 25'],
      [{ dateOfBirth: bornYearsAgo(14) }, 'the scheme is for young people aged 16 to 25'],
      [{ prefMeetingMode: 'teleport' }, 'can only be'],
      [{ gender: 'martian' }, 'must be one of'],
      [{ eetNote: 'y'.repeat(5000) }, 'keep it to 300 or fewer'],
      [{ firstName: 'Jaydenne'.repeat(10) }, 'keep it to 40 or fewer'],
      [{ reference: 'Jaydenne Smith' }, 'not a name'],
    ];
    for (const [override, words] of cases) {
      const answer = await act(ISAIAH, 'saveYoungPerson', youngPersonForm(TEEN, override));
      expect(answer, JSON.stringify(override).slice(0, 60)).toContain(words);
      expect(answer).toContain('Nothing was saved');
    }
    const refilled = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'saveYoungPerson', youngPersonForm(TEEN, { gender: 'martian' })))));
    expect(refilled).toContain('"id":"reference","label":"Case reference (not a name)","value":"LC-90817"');
    expect(refilled.indexOf('Gender must be one of')).toBeGreaterThan(refilled.indexOf('"id":"gender"'));
    expect(refilled.indexOf('Gender must be one of')).toBeLessThan(refilled.indexOf('"id":"homeArea"'));
    // The folded answers are still on the form, as typed.
    const typed = youngPersonForm(TEEN, { gender: 'martian' });
    for (const id of ['interests', 'eetGoals', 'prefMeetingMode'] as const) {
      const input = refilled.slice(refilled.indexOf(`"id":"${id}"`));
      expect(input).toMatch(new RegExp(`^"id":"${id}","label":"[^"]*","value":"${typed[id]}"`));
    }
    expect(await say(ISAIAH, 'young people')).toContain('Nobody yet');
  });

  it('adds a 17-year-old and a 19-year-old', async () => {
    await t.send(message(ISAIAH, 'add young person'));
    expect(JSON.stringify(cardsTo(ISAIAH).at(-1)?.activity)).toContain('Case reference (not a name)');
    const teen = invokeCard(await t.send(action(ISAIAH, 'saveYoungPerson', youngPersonForm(TEEN))));
    expect(textOf(teen)).toContain('Jaydenne (LC-90817)');
    expect(textOf(teen)).toContain('waiting for a mentor');
    teenId = JSON.stringify(teen).match(/"youngPersonId":"([^"]+)"/)![1]!;
    const adult = invokeCard(await t.send(action(ISAIAH, 'saveYoungPerson', youngPersonForm(ADULT, { gender: 'male' }))));
    adultId = JSON.stringify(adult).match(/"youngPersonId":"([^"]+)"/)![1]!;
    const list = await say(ISAIAH, 'young people');
    expect(list).toContain('Jaydenne (LC-90817), 17');
    expect(list).toContain('Marisol (LC-44501), 19');
    expect(await act(ISAIAH, 'changeYoungPersonStatus', { youngPersonId: adultId, event: 'pause' })).toContain('paused');
    expect(await act(ISAIAH, 'changeYoungPersonStatus', { youngPersonId: adultId, event: 'resume' })).toContain('waiting for a mentor');
  });

  it('never shows a young person to a mentor before a match', async () => {
    for (const verb of ['viewYoungPerson', 'suggestMentors', 'youngPersonForm']) {
      const answer = await act(ALEX, verb, { youngPersonId: teenId });
      expect(answer).not.toContain('Jaydenne');
      expect(answer).not.toContain('LC-90817');
    }
    expect(await act(ALEX, 'acceptMatch', { youngPersonId: teenId, proposalId: `${teenId}.forged` })).not.toContain('Jaydenne');
  });

  it('suggests mentors for the 17-year-old, ruling out the mentor without a DBS check', async () => {
    const picker = await say(ISAIAH, 'match');
    expect(picker).toContain('Jaydenne (LC-90817), 17');
    const suggestions = await act(ISAIAH, 'suggestMentors', { youngPersonId: teenId });
    expect(suggestions).toContain('1. Alex Wilber');
    expect(suggestions).toContain('Interests in common: football and music');
    expect(suggestions).toContain('Ruled out');
    expect(suggestions).toMatch(/Grady Archie\s+•\s+This young person is under 18 and they have no enhanced DBS check recorded/);
    const forAdult = await act(ISAIAH, 'suggestMentors', { youngPersonId: adultId });
    // Suggested (ranked, without a score: "fit 25" meant nothing to a coordinator), not ruled out.
    expect(forAdult).toMatch(/\d\. Grady Archie/);
    expect(forAdult).toMatch(/Adele Vance\s+•\s+Adele Vance has declared a conflict of interest/);
    const refused = await act(ISAIAH, 'putMentors', { youngPersonId: teenId, mentorIds: `${ALEX.id},${GRADY.id}` });
    expect(refused).toContain('Only mentors on the current list of suggestions');
  });

  let proposalId = '';

  it('puts the mentor to the young person and records their choice; the mentor is asked without any of their details', async () => {
    const proposal = invokeCard(await t.send(action(ISAIAH, 'putMentors', { youngPersonId: teenId, mentorIds: ALEX.id })));
    expect(textOf(proposal)).toContain('coach a youth football side');
    proposalId = JSON.stringify(proposal).match(/"proposalId":"([^"]+)"/)![1]!;
    expect(await act(ISAIAH, 'recordChoice', { youngPersonId: teenId, proposalId, choice: ALEX.id })).toContain('Alex Wilber has been asked to accept');
    const request = await waitForCard(ALEX, 'has chosen you as their mentor');
    const sent = JSON.stringify(request.activity);
    for (const secret of [TEEN.firstName, TEEN.reference, TEEN.dateOfBirth, 'Priya Shah', '07700']) expect(sent).not.toContain(secret);
    expect(await act(ISAIAH, 'recordChoice', { youngPersonId: teenId, proposalId, choice: 'noneSuits' })).toContain('already been recorded');
  });

  it('starts the match once on two simultaneous acceptances, and sends the mentor the emergency contacts', async () => {
    const [first, second] = await Promise.all([
      t.send(action(ALEX, 'acceptMatch', { youngPersonId: teenId, proposalId })),
      t.send(action(ALEX, 'acceptMatch', { youngPersonId: teenId, proposalId })),
    ]);
    expect(textOf(invokeCard(first))).toContain('You accepted');
    expect(textOf(invokeCard(second))).toContain('You accepted');
    const started = await waitForCard(ALEX, 'Your mentoring with Jaydenne has started');
    const text = cardText(started);
    expect(text).toContain('Priya Shah, 07700 900123');
    expect(text).toContain('Personal adviser (PA)');
    expect(text).toContain('0300 555 0100');
    expect(text).toContain('Isaiah Langer, 0300 555 0199');
    expect(text).not.toContain(TEEN.reference);
    expect(text).not.toContain(TEEN.dateOfBirth);
    await waitForCard(ISAIAH, 'A match has started');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cardsTo(ALEX).filter((each) => cardText(each).includes('has started'))).toHaveLength(1);
    const matches = clients().table(`${t.env.TABLE_PREFIX}YoungPeople`).listEntities({ queryOptions: { filter: odata`RowKey ge ${'match|'} and RowKey lt ${'match}'}` } });
    let count = 0;
    for await (const _ of matches) count += 1;
    expect(count).toBe(1);
    expect(await say(ALEX, 'my status')).toContain('matched');
    expect(await say(ISAIAH, 'match')).not.toContain('Jaydenne');
  });

  it('lets the coordinator edit a record, and a mentor decline: the young person stays on the list', async () => {
    const form = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'youngPersonForm', { youngPersonId: adultId }))));
    expect(form).toContain('"value":"LC-44501"');
    expect(await act(ISAIAH, 'saveYoungPerson', { ...youngPersonForm(ADULT, { gender: 'male', interests: 'music' }), youngPersonId: adultId })).toContain('Changes saved');
    const proposal = invokeCard(await t.send(action(ISAIAH, 'putMentors', { youngPersonId: adultId, mentorIds: GRADY.id })));
    const adultProposal = JSON.stringify(proposal).match(/"proposalId":"([^"]+)"/)![1]!;
    await act(ISAIAH, 'recordChoice', { youngPersonId: adultId, proposalId: adultProposal, choice: GRADY.id });
    await waitForCard(GRADY, 'has chosen you as their mentor');
    const notChosen = await act(ALEX, 'acceptMatch', { youngPersonId: adultId, proposalId: adultProposal });
    expect(notChosen).toContain('Only the mentor the young person chose');
    expect(notChosen).not.toContain('Marisol');
    expect(await act(GRADY, 'declineMatch', { youngPersonId: adultId, proposalId: adultProposal })).toContain('You declined');
    await waitForCard(ISAIAH, 'Grady Archie declined Marisol (LC-44501)');
    expect(await act(GRADY, 'acceptMatch', { youngPersonId: adultId, proposalId: adultProposal })).toContain('no longer waiting for an answer');
    expect(await say(ISAIAH, 'match')).toContain('Marisol (LC-44501), 19');
    expect(cardsTo(GRADY).map((each) => JSON.stringify(each.activity)).join('')).not.toContain('Marisol');
  });

  it('shows the pipeline: mentors by stage, trained but unmatched, young people waiting', async () => {
    const figures = await say(ISAIAH, 'pipeline');
    expect(figures).toContain('Trained but without a young person: 2');
    expect(figures).toContain('Grady Archie: pen picture written, no current DBS check');
    expect(figures).toContain('1 waiting for a mentor');
  });

  it('logs every read of a young person by a coordinator: who, when, which record', async () => {
    const reads = [];
    for await (const row of clients().table(`${t.env.TABLE_PREFIX}YoungPersonAccess`).listEntities<{ readerId: string; youngPersonId: string; purpose: string; at: string }>()) reads.push(row);
    const byIsaiah = reads.filter((row) => row.readerId === ISAIAH.id && row.youngPersonId === teenId);
    expect(byIsaiah.map((row) => row.purpose)).toEqual(expect.arrayContaining(['list', 'suggest', 'notice']));
    const byAlex = reads.filter((row) => row.readerId === ALEX.id).map((row) => row.purpose);
    expect(byAlex).toEqual(expect.arrayContaining(['mentorResponse', 'matchDetailsForMentor']));
    expect(reads.filter((row) => row.readerId === GRADY.id)).toEqual([]);
    expect(byIsaiah.every((row) => /^\d{4}-\d{2}-\d{2}T/.test(row.at))).toBe(true);
    expect(JSON.stringify(reads)).not.toContain(TEEN.firstName);
    const shown = await act(ISAIAH, 'youngPersonReads', { youngPersonId: teenId });
    expect(shown).toContain('Who has read Jaydenne (LC-90817)');
    expect(shown).toContain('Isaiah Langer: suggestions');
    expect(shown).toContain("Alex Wilber: sent to their mentor");
  });

  it('never writes a young person\'s name, date of birth or reference to the log', () => {
    const log = t.logs.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [TEEN.firstName, TEEN.reference, TEEN.dateOfBirth, ADULT.firstName, ADULT.reference, ADULT.dateOfBirth, 'Priya Shah']) {
      expect(log).not.toContain(secret);
    }
  });
});
