import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '../../../src/platform/storage/keys.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { eventually } from '../../support/eventually.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH, PATTI } from '../../support/people.js';
import { COHORT_SESSIONS, mailOf, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

describe('a coordinator changes the seats of a session from the sessions card, over the bot endpoint', () => {
  let t: SessionsTestBot;
  const { training, information } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 1, installs: [ALEX, ADELE, PATTI, ISAIAH, GRADY], approvedMentors: [ALEX, ADELE, PATTI] });
    for (const person of [ALEX, ADELE, PATTI]) await t.send(action(person, 'bookSession', { sessionId: training }));
  });
  afterAll(() => t.stopAll());

  const { cardsTo } = inboxOf(() => t);
  const trainingTitle = () => `Mentor training ${t.year} (full day)`;
  const changeSeats = async (person: typeof ISAIAH, sessionId: string, seats: unknown) =>
    textOf(invokeCard(await t.send(action(person, 'changeSeats', { sessionId, [`seats.${sessionId}`]: seats }))));
  const coordinatorView = async () => {
    await t.send(message(ISAIAH, 'sessions'));
    return cardsTo(ISAIAH).at(-1)!;
  };
  const trainingBookings = async () => {
    const text = cardText(await coordinatorView());
    const block = text.slice(text.indexOf(`Full-day training: ${trainingTitle()}`));
    return /Booked \(\d+\): [^]*?Waiting list \(\d+\): [^]*?(?= Move…)/.exec(block)?.[0];
  };

  it('offers the coordinator a seats form under each session that has not started', async () => {
    const view = await coordinatorView();
    expect(cardText(view)).toContain('Change seats…');
    expect(cardText(view)).toContain('Now 1 seats: 1 booked, 2 waiting');
    expect(JSON.stringify(view.activity)).toContain(`"id":"seats.${training}"`);
    expect(await trainingBookings()).toBe('Booked (1): Alex Wilber Waiting list (2): 1. Adele Vance, 2. Patti Fernandez');
  });

  it('refuses anyone but a coordinator, whatever the card says, and changes nothing', async () => {
    for (const person of [ADELE, GRADY]) expect(await changeSeats(person, training, '3')).toContain('That is for the scheme coordinators');
    expect(await trainingBookings()).toBe('Booked (1): Alex Wilber Waiting list (2): 1. Adele Vance, 2. Patti Fernandez');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    for (const seats of ['0', '-1', 'ten', '501', '2.5', '', undefined, 7.5, { seats: 3 }]) {
      expect(await changeSeats(ISAIAH, training, seats)).toContain('Seats not changed: Seats must be a whole number from 1 to 500.');
    }
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'changeSeats', { sessionId: 'no-such-session', 'seats.no-such-session': '3' }))))).toContain(
      'Seats not changed: This session no longer exists.',
    );
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'changeSeats', { [`seats.${training}`]: '3' }))))).toContain('This card is out of date');
    expect(await trainingBookings()).toBe('Booked (1): Alex Wilber Waiting list (2): 1. Adele Vance, 2. Patti Fernandez');
    expect(await auditActions()).not.toContain('changeSeats');
  });

  it('gives a new seat to the first person waiting, who is told; the calendar and the stage follow', async () => {
    const answer = await changeSeats(ISAIAH, training, '2');
    expect(answer).toContain(`Seats changed: ${trainingTitle()} now has 2 seats. The first person waiting now has a place and is being told.`);
    expect(await trainingBookings()).toBe('Booked (2): Alex Wilber, Adele Vance Waiting list (1): 1. Patti Fernandez');
    await eventually(() => expect(cardText(cardsTo(ADELE).at(-1))).toContain('A place came free: you are booked'));
    expect(cardText(cardsTo(ADELE).at(-1))).toContain(`You were on the waiting list for ${trainingTitle()}, and now have a place.`);
    await eventually(() => expect(t.calendar.attendeesOf(trainingTitle())).toEqual([mailOf(ALEX), mailOf(ADELE)].sort()));
    await eventually(async () => expect((await t.mentors.get(ADELE.id))?.value.stage).toBe('booked'));
    expect(cardsTo(PATTI).some((a) => cardText(a).includes('A place came free'))).toBe(false);
    expect(await auditActions()).toEqual(expect.arrayContaining(['changeSeats:SEATS_1_TO_2', 'promoteFromWaitingList:SEATS_ADDED_1']));
    await t.send(message(PATTI, 'my status'));
    expect(cardText(cardsTo(PATTI).at(-1))).toContain('number 1 on the waiting list');
  });

  it('never un-books anyone: fewer seats than people booked is refused', async () => {
    expect(await changeSeats(ISAIAH, training, '1')).toContain('Seats not changed: 2 people already have a confirmed place. Choose at least 2 seats');
    expect(await trainingBookings()).toBe('Booked (2): Alex Wilber, Adele Vance Waiting list (1): 1. Patti Fernandez');
  });

  it('says so when the number is the same, and writes nothing', async () => {
    const before = (await auditActions()).length;
    expect(await changeSeats(ISAIAH, training, '2')).toContain(`${trainingTitle()} already has 2 seats.`);
    expect((await auditActions()).length).toBe(before);
  });

  it('refuses a cancelled session', async () => {
    await t.send(action(ISAIAH, 'cancelSession', { sessionId: information }));
    expect(await changeSeats(ISAIAH, information, '5')).toContain('Seats not changed: This session has been cancelled.');
  });

  it('refuses a session that has started, and no longer offers the form', async () => {
    t.advance(Date.UTC(t.year, 10, 30, 10, 0) - Date.now());
    expect(await changeSeats(ISAIAH, training, '5')).toContain('Seats not changed: This session has already started.');
    expect(cardText(await coordinatorView())).not.toContain('Change seats…');
    expect(await trainingBookings()).toBeUndefined();
  });

  async function auditActions(): Promise<string[]> {
    const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
    const table = await openTable(clients, `${t.env.TABLE_PREFIX}Sessions`);
    const rows: string[] = [];
    const filter = odata`PartitionKey eq ${encodeKey(training)} and RowKey ge 'audit|' and RowKey lt 'audit}'`;
    for await (const row of table.listEntities<{ action: string; detail: string }>({ queryOptions: { filter } })) rows.push(`${row.action}:${row.detail}`);
    return rows;
  }
});
