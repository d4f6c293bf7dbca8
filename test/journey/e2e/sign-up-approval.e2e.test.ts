import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI } from '../../support/people.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';

describe('sign-up and line-manager approval, over the bot endpoint', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN, ISAIAH, ADELE, PATTI, GRADY]) await t.send(installed(person));
  });
  afterAll(() => t.stop());

  const { cardsTo, lastCardTo, cardWith: waitForCard } = inboxOf(() => t);

  it('welcomes a person when the app is installed, with the asks and a button to express interest', () => {
    const welcome = cardText(cardsTo(ALEX)[0]);
    expect(welcome).toContain('Mentor a young person leaving care');
    expect(welcome).toContain('90 minutes a month');
    expect(welcome).toContain('enhanced DBS check');
    expect(welcome).toContain("I'm interested");
  });

  it('answers help with what the person can do now', async () => {
    await t.send(message(ALEX, 'help'));
    expect(lastCardTo(ALEX)).toContain('sign up');
    expect(lastCardTo(ALEX)).toContain('interested in becoming a mentor');
  });

  let approvalId = '';

  it('shows the sign-up form with the line manager from the directory', async () => {
    await t.send(message(ALEX, 'sign up'));
    const form = cardsTo(ALEX).at(-1)?.activity.attachments?.[0]?.content;
    expect(textOf(form)).toContain('Your line manager in the directory is Megan Bowen');
    expect(JSON.stringify(form)).toContain('"id":"jobTitle","label":"Job title","value":"Head of Highways"');
  });

  it('refuses an incomplete form with a clear message and records nothing', async () => {
    const response = await t.send(action(ALEX, 'submitSignUp', { ...SIGN_UP_FORM, consent: 'false' }));
    expect(textOf(invokeCard(response))).toContain('Please consent');
    await t.send(message(ALEX, 'my status'));
    expect(lastCardTo(ALEX)).toContain('interested');
  });

  it('sends the request to the line manager, who alone sees the buttons', async () => {
    const response = await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    const sent = invokeCard(response);
    expect(textOf(sent)).toContain('Waiting for Megan Bowen to decide');
    expect(textOf(sent)).toContain('Sent to Megan Bowen for approval');
    expect(sent.actions ?? []).toHaveLength(0);
    expect(sent.refresh?.userIds).toEqual([`8:orgid:${MEGAN.id}`, `8:orgid:${ALEX.id}`]);

    const request = await waitForCard(MEGAN, 'Alex Wilber is waiting for your decision');
    expect(cardText(request)).toContain('Alex Wilber asks to become a mentor');
    expect(cardText(request)).toContain('6 to 18 months');
    expect(cardText(request)).toContain('Approve Alex Wilber');
    expect(request.activity.summary).toBe('Alex Wilber asks for your approval to mentor a care leaver');
    approvalId = JSON.stringify(request.activity).match(/"approvalId":"([^"]+)"/)![1]!;
  });

  it('shows the applicant a read-only card on refresh, and the manager the buttons', async () => {
    const forAlex = invokeCard(await t.send(action(ALEX, 'refreshApproval', { mentorId: ALEX.id, approvalId }, 'automatic')));
    expect(forAlex.actions ?? []).toHaveLength(0);
    const forMegan = invokeCard(await t.send(action(MEGAN, 'refreshApproval', { mentorId: ALEX.id, approvalId }, 'automatic')));
    expect(textOf(forMegan.actions)).toContain('Approve');
  });

  it('refuses a decision from anyone but the stored approver, whatever the card data says', async () => {
    const response = await t.send(action(GRADY, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    expect(textOf(invokeCard(response))).toContain('Only Megan Bowen can decide');
    await t.send(message(ALEX, 'my status'));
    expect(lastCardTo(ALEX)).toContain('waiting for approval');
  });

  it('records the approval, updates the card in place, tells the applicant and the coordinator', async () => {
    const response = await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    const card = invokeCard(response);
    expect(textOf(card)).toContain('Approved by Megan Bowen');
    expect(card.actions ?? []).toHaveLength(0);
    await eventually(() => expect(lastCardTo(ALEX)).toContain('You can become a mentor'));
    await eventually(() => expect(lastCardTo(ISAIAH)).toContain("Alex Wilber's request to become a mentor"));
  });

  it('treats a replayed or double-clicked approval as a no-op that sends nothing', async () => {
    const before = t.connector.activities.length;
    const replay = await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    expect(textOf(invokeCard(replay))).toContain('already approved');
    const decline = await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'decline', reason: 'changed my mind' }));
    expect(textOf(invokeCard(decline))).toContain('already approved');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(t.connector.activities.length).toBe(before);
  });

  it('routes a councillor to the governance approver, asks for a declaration, and shows a decline reason', async () => {
    await t.send(message(ADELE, 'sign up'));
    const councillorForm = { ...SIGN_UP_FORM, role: 'electedMember', directorateOrWard: 'Valley ward', jobTitle: 'Councillor' };
    const missing = await t.send(action(ADELE, 'submitSignUp', councillorForm));
    expect(textOf(invokeCard(missing))).toContain('declaration of interests');

    const sent = await t.send(action(ADELE, 'submitSignUp', { ...councillorForm, declarationOfInterests: 'Governor at Valley School.' }));
    expect(textOf(invokeCard(sent))).toContain('Waiting for Patti Fernandez');
    const request = await waitForCard(PATTI, 'Adele Vance asks');
    expect(cardText(request)).toContain('Governor at Valley School.');
    const adeleApproval = JSON.stringify(request.activity).match(/"approvalId":"([^"]+)"/)![1]!;

    const noReason = await t.send(action(PATTI, 'decideApproval', { mentorId: ADELE.id, approvalId: adeleApproval, decision: 'decline', reason: '  ' }));
    expect(textOf(invokeCard(noReason))).toContain('Please give a reason');
    const declined = await t.send(
      action(PATTI, 'decideApproval', { mentorId: ADELE.id, approvalId: adeleApproval, decision: 'decline', reason: 'Conflict with your school role; talk to me.' }),
    );
    expect(textOf(invokeCard(declined))).toContain('Declined by Patti Fernandez');
    await eventually(() => expect(lastCardTo(ADELE)).toContain('Conflict with your school role; talk to me.'));
  });

  it('answers an unknown verb with a clear card', async () => {
    const response = await t.send(action(ALEX, 'launchMissiles', {}));
    expect(textOf(invokeCard(response))).toContain('older card');
  });
});
