import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { SessionRepository } from '../../src/sessions/store/session.repository.js';
import { launchChromium } from '../browser/playground-page.js';
import { eventually } from '../support/eventually.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI } from '../support/people.js';
import { cardText } from '../support/teams-connector.js';
import { knownChats } from '../support/broadcast-bot.js';
import { RecipientRepository } from '../../src/broadcast/store/recipient.repository.js';
import { seedBroadcasts } from './broadcast-seed.js';
import { conversationOf, message, startTestBot, TEST_TENANT, type TestBot } from '../support/test-bot.js';
import { EntraSsoIssuer } from './entra-sso-issuer.js';
import { VIEWS, WorkspacePage } from './workspace-page.js';
import { COMING_SESSION, mentorId, seedComingSession, seededDaysInStage, seedWorkspace, stageKeptFor, type Seeded } from './workspace-seed.js';

describe('the workspace tab in chromium, against the real bot on Azurite', () => {
  let bot: TestBot;
  let browser: Browser;
  let seeded: Seeded;
  const pages: Page[] = [];

  beforeAll(async () => {
    // Grady Archie is the Data Protection Officer; a subject access request about Alex Wilber is open.
    bot = await startTestBot({ DPO_IDS: GRADY.id });
    const now = new Date();
    await seedComingSession(inject('storageConnectionString'), bot.env.TABLE_PREFIX!, now, [PATTI, MEGAN, ADELE]);
    await knownChats(bot.env, [PATTI, MEGAN, ADELE], bot.connector.url);
    await bot.send(message(ISAIAH, `subject access ${ALEX.id}`));
    seeded = await seedWorkspace(inject('storageConnectionString'), bot.env.TABLE_PREFIX!, { mentors: 48, youngPeople: 7, now, castMentor: ALEX });
    await seedBroadcasts(inject('storageConnectionString'), bot.env.TABLE_PREFIX!, now, [
      {
        id: 'b-invite',
        text: 'Information session on 9 November',
        audienceLabel: 'Approved, not yet booked',
        by: ISAIAH,
        minutesAgo: 45,
        sent: [ALEX],
        failed: [
          { person: ADELE, code: 'BOT_BLOCKED', reason: 'This person has blocked the bot, or the app is not installed for them.' },
          { person: GRADY, code: 'RECIPIENT_GONE', reason: 'This person or their chat with the bot no longer exists; they may have left the organisation.' },
        ],
      },
    ]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function workspace(): Promise<WorkspacePage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    pages.push(page);
    return new WorkspacePage(page, `http://127.0.0.1:${bot.bot.port}`);
  }

  it('signs in locally as a cast member, clearly marked local, and draws the funnel from the stored stages', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.page.getByText('Local mode: nobody is signed in with Microsoft Entra').waitFor();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.page.locator('[data-testid=funnel-chart] [role=option]').first().waitFor();
    const table = await tab.funnelTable();
    expect(await tab.funnelChart()).toEqual(table);
    const stored = (stages: string[]) => seeded.mentors.filter((mentor) => stages.includes(mentor.stage)).length;
    expect(table).toMatchObject({ Interested: stored(['interested', 'awaitingApproval']), Booked: stored(['booked']), Mentoring: stored(['active']), 'Ready (pen picture)': stored(['profileComplete']) });

    await tab.page.getByRole('button', { name: 'Show trained' }).click();
    const trained = tab.page.getByRole('table', { name: 'Trained: people' });
    const names = await trained.locator('tbody tr td:first-child').allTextContents();
    expect(names.sort()).toEqual(seeded.mentors.filter((m) => m.stage === 'trained').map((m) => m.name).sort());
  });

  it('shows the people, sessions and claims as stored', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('People');
    await tab.page.getByText(`Page 1 of 2 (${seeded.mentors.length} in all)`).waitFor();
    await tab.page.getByLabel('Search').fill('Mentor 002');
    await expect.poll(() => tab.page.locator('[data-testid=mentors-table] tbody tr').count()).toBe(1);
    expect(await tab.page.locator('[data-testid=mentors-table] tbody tr').textContent()).toContain('Waiting on Megan Bowen');
    await tab.page.getByRole('button', { name: 'Remind Megan Bowen about Mentor 002' }).click();
    await tab.page.getByRole('status').filter({ hasText: 'Reminder sent to Megan Bowen.' }).waitFor();
    expect((await (await stores(bot)).mentors.get(seeded.mentors[1]!.id))?.value.approval?.remindedAt).toBeDefined();

    await tab.show('Sessions');
    await tab.page.getByText(`Seats: ${seeded.trainees.length} of 10 booked`).waitFor();

    await tab.show('Claims');
    await expect.poll(() => tab.page.locator('[data-testid=claims-table] tbody tr').count()).toBe(seeded.claims);
  });

  it('shows the commitment heat map and a board report with counts only, no one named', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('Commitment');
    const live = seeded.mentors.filter((mentor) => mentor.stage === 'matched' || mentor.stage === 'active').length;
    await expect.poll(() => tab.page.locator('[data-testid=commitment-table] tbody tr').count()).toBe(live);
    await tab.show('Board report');
    const report = tab.page.getByTestId('board-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain(`Live matches: ${live}`);
    expect(text).toContain(`Young people waiting for a mentor: 7`);
    expect(text).not.toMatch(/Mentor \d{3}|LC-|Jay/);
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`has no serious or critical accessibility problem in any view, ${theme} theme`, async () => {
      const tab = await workspace();
      await tab.open(theme);
      await tab.signInLocallyAs('Isaiah Langer');
      await tab.page.locator('[data-testid=funnel-chart] [role=option]').first().waitFor();
      expect(await tab.page.locator('html').getAttribute('data-theme')).toBe(theme);
      for (const view of VIEWS) {
        await tab.show(view);
        await tab.page.waitForTimeout(300);
        expect(await tab.seriousProblems(), `${view}, ${theme}`).toEqual([]);
        if (view === 'Broadcasts') {
          await tab.page.getByRole('button', { name: /^Open report: / }).first().click();
          await tab.page.getByTestId('broadcast-recipients').waitFor();
          expect(await tab.seriousProblems(), `a broadcast's report, ${theme}`).toEqual([]);
        }
      }
    }, 120_000);
  }

  it('lists the broadcasts as stored, opens one report with who got it and who did not and why, and retries the failed', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('Broadcasts');
    const row = tab.page.locator('[data-testid=broadcasts-table] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect((await row.locator('td').allTextContents()).slice(0, 2)).toEqual(['Information session on 9 November ', 'Approved, not yet booked']);
    expect((await row.locator('td').allTextContents()).slice(3, 6)).toEqual(['1 of 3', '2', '0']);

    await tab.page.getByRole('button', { name: 'Open report: Information session on 9 November' }).click();
    const lines = tab.page.locator('[data-testid=broadcast-recipients] tbody tr');
    await expect.poll(() => lines.count()).toBe(3);
    const cells = await lines.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.firstChild?.textContent ?? '')));
    expect(cells.map(([name, outcome, why]) => [name, outcome!.split(',')[0], why])).toEqual([
      [ADELE.name, 'Not sent', 'They have blocked the mentoring app in Teams, or it is not installed for them.'],
      [GRADY.name, 'Not sent', 'Their Teams account or their chat with the app no longer exists; they may have left the council.'],
      [ALEX.name, 'Got it', '—'],
    ]);
    expect(await tab.seriousProblems()).toEqual([]);

    await knownChats(bot.env, [ADELE, GRADY], bot.connector.url);
    await tab.page.getByRole('button', { name: 'Retry the failed (2)' }).click();
    await tab.page.getByText('Sending again to 2 people.').waitFor();
    const recipients = new RecipientRepository(await (await stores(bot)).storage.openTable('Broadcasts'));
    await eventually(async () => expect((await recipients.list('b-invite')).map((each) => each.status)).toEqual(['sent', 'sent', 'sent']), 30_000);
    await tab.page.getByRole('button', { name: 'Back to all broadcasts' }).click();
    await tab.page.getByRole('button', { name: 'Open report: Information session on 9 November' }).click();
    await tab.page.getByTestId('broadcast-counts').filter({ hasText: 'Got it: 3. Not sent: 0. Waiting: 0.' }).waitFor();
  }, 60_000);

  it('finds a young person by first name or initials on the server, and records reading only the one shown', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('People');
    await tab.page.getByRole('tab', { name: 'Young people' }).click();
    await tab.page.locator('[data-testid=young-people-table] tbody tr').first().waitFor();
    const before = await listReads(bot);
    await tab.page.getByLabel('First name, initials or reference').fill('M.A.');
    await tab.page.getByRole('button', { name: 'Search young people' }).click();
    await tab.page.getByRole('status').filter({ hasText: 'Found 1 for "M.A.".' }).waitFor();
    expect(await tab.page.locator('[data-testid=young-people-table] tbody tr td:first-child').allTextContents()).toEqual(['LC-W0001']);
    expect((await listReads(bot)) - before).toBe(1);
    expect(await tab.page.getByText('Mary Ann').count()).toBe(0);
    expect(await tab.seriousProblems()).toEqual([]);
    await tab.page.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(() => tab.page.locator('[data-testid=young-people-table] tbody tr').count()).toBeGreaterThan(7);
  });

  it("shows a mentor their own claims and the support card's contacts on My page, and nothing of anyone else", async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Alex Wilber');
    const claims = tab.page.locator('[data-testid=my-claims] tbody tr');
    await expect.poll(() => claims.count()).toBe(1);
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${seeded.claimMonth}-15T12:00:00Z`));
    const cells = await claims.locator('td').allTextContents();
    expect([cells[0], cells[2], cells[3], cells[4]]).toEqual([month, `£${(seeded.castMentor!.claimPence / 100).toFixed(2)}`, 'Tea and cake', 'waiting for approval']);
    expect(await tab.page.getByTestId('support-contacts').locator('div').allTextContents()).toEqual(['Emergency:999', 'Leaving Care duty line:Ask the scheme coordinator', 'Service manager:Ask the scheme coordinator']);
    expect(await tab.page.getByText('Mentor 0').count()).toBe(0);
    expect(await tab.seriousProblems()).toEqual([]);
  });

  it('opens the view a chat card links to (the address\'s hash), and a mentor asking for a coordinator view gets their own page', async () => {
    const coordinator = await workspace();
    await coordinator.open('default', 'claims');
    await coordinator.signInLocallyAs('Isaiah Langer');
    await expect.poll(() => coordinator.page.locator('[data-testid=claims-table] tbody tr').count()).toBe(seeded.claims);
    expect(await coordinator.page.getByRole('tab', { selected: true }).textContent()).toBe('Claims');
    await coordinator.show('Broadcasts');
    expect(new URL(coordinator.page.url()).hash).toBe('#broadcasts');

    const mentor = await workspace();
    await mentor.open('default', 'claims');
    await mentor.signInLocallyAs('Alex Wilber');
    await mentor.page.getByTestId('my-stage').waitFor();
    expect(await mentor.page.getByRole('tab').allTextContents()).toEqual(['My page']);

    const officer = await workspace();
    await officer.open('default', 'subjectAccess');
    await officer.signInLocallyAs('Grady Archie');
    await officer.page.getByTestId('subject-access-table').waitFor();
    expect(await officer.page.getByRole('tab', { selected: true }).textContent()).toBe('Subject access');
  });

  it('lets a non-coordinator see only their own page', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Alex Wilber');
    await tab.page.getByTestId('my-stage').waitFor();
    expect(await tab.page.getByRole('tab').allTextContents()).toEqual(['My page']);
    expect(await tab.page.getByText('Mentor 0').count()).toBe(0);
  });

  it('records the attendance register with the keyboard alone: everyone ticked is stored as present and becomes trained', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.page.locator('[data-testid=funnel-chart] [role=option]').first().waitFor();
    await tab.page.getByRole('tab', { name: 'At a glance' }).focus();
    await tab.page.keyboard.press('ArrowRight');
    await tab.page.keyboard.press('ArrowRight');
    await tab.page.keyboard.press('Enter');
    await tab.page.getByText('Seats:').first().waitFor();
    await tab.tabTo(/^Attendance register/);
    await tab.page.keyboard.press('Enter');
    await tab.tabTo(/Everyone booked came/);
    await tab.page.keyboard.press('Space');
    await tab.tabTo(/^Save attendance$/);
    await tab.page.keyboard.press('Enter');
    await tab.page.getByText(`Attendance saved: ${seeded.trainees.length} came`).waitFor();

    const { sessions, mentors } = await stores(bot);
    const stored = (await sessions.get(seeded.trainingId))!.session;
    expect(stored.bookings.filter((booking) => booking.attended).map((booking) => booking.personId).sort()).toEqual(seeded.trainees.map((person) => person.id).sort());
    await eventually(async () => {
      for (const person of seeded.trainees) expect((await mentors.get(person.id))?.value.stage).toBe('trained');
    });
  });

  it('moves a session and changes its seats from the tab: each refusal beside its field, nothing stored until accepted, the people booked told', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('Sessions');
    const { sessions } = await stores(bot);
    const before = (await sessions.get(COMING_SESSION.id))!.session;
    await tab.page.getByRole('button', { name: `Move: ${COMING_SESSION.title}` }).click();
    const form = tab.page.getByRole('form', { name: `Move ${COMING_SESSION.title}` });
    await form.getByText('These 3 people are told and their calendars change: Patti Fernandez, Megan Bowen, Adele Vance.').waitFor();
    expect(await form.getByLabel('New day').inputValue()).toBe(before.startsAt.slice(0, 10));
    await form.getByLabel('Starts').fill('16:00');
    await form.getByLabel('Ends').fill('14:00');
    await form.getByRole('button', { name: 'Move the session' }).click();
    // The sessions use case's own sentence, beside the field it is about, and the input described by it.
    const describedBy = async () => {
      const ids = ((await form.getByLabel('Ends').getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
      return (await Promise.all(ids.map((id) => tab.page.locator(`[id="${id}"]`).textContent()))).join(' ');
    };
    await expect.poll(describedBy).toContain('The end must be after the start');
    expect(await form.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Starts').getAttribute('aria-invalid')).not.toBe('true');
    expect(await tab.seriousProblems()).toEqual([]);
    expect((await sessions.get(COMING_SESSION.id))!.session).toEqual(before);

    const day = new Date(Date.parse(before.startsAt) + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('New day').fill(day);
    await form.getByLabel('Ends').fill('17:30');
    await form.getByRole('button', { name: 'Move the session' }).click();
    await tab.page.getByText(`Moved: ${COMING_SESSION.title}. Everyone booked is being told and their calendars updated.`).waitFor();
    const moved = (await sessions.get(COMING_SESSION.id))!.session;
    expect(moved.startsAt.slice(0, 10)).toBe(day);
    expect(moved.endsAt).not.toBe(before.endsAt);
    for (const person of [PATTI, MEGAN, ADELE]) {
      await eventually(() => expect(bot.connector.to(conversationOf(person)).map(cardText).some((text) => text.includes('Session moved'))).toBe(true));
    }

    await tab.page.getByRole('button', { name: `Change seats: ${COMING_SESSION.title}` }).click();
    const seats = tab.page.getByRole('form', { name: `Change seats: ${COMING_SESSION.title}` });
    await seats.getByLabel('Number of seats').fill('1');
    await seats.getByRole('button', { name: 'Change the seats' }).click();
    await seats.getByText('2 people already have a confirmed place. Choose at least 2 seats, or cancel bookings first.').waitFor();
    expect(await seats.getByLabel('Number of seats').getAttribute('aria-invalid')).toBe('true');
    expect((await sessions.get(COMING_SESSION.id))!.session.seats).toBe(2);
    await seats.getByLabel('Number of seats').fill('3');
    await seats.getByRole('button', { name: 'Change the seats' }).click();
    await tab.page.getByText(`Seats changed: ${COMING_SESSION.title} now has 3 seats. The first person waiting now has a place and is being told.`).waitFor();
    await tab.page.getByText('Seats: 3 of 3 booked; waiting list: 0').waitFor();
    expect((await sessions.get(COMING_SESSION.id))!.session.bookings.map((booking) => booking.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    await eventually(() => expect(bot.connector.to(conversationOf(ADELE)).map(cardText).some((text) => text.includes('A place came free'))).toBe(true));
  }, 60_000);

  it("shows days in stage from the stage's start, and says when only the record's last change is known", async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('People');
    const rowOf = async (index: number) => {
      await tab.page.getByLabel('Search').fill(seeded.mentors[index]!.name);
      await expect.poll(() => tab.page.locator('[data-testid=mentors-table] tbody tr').count()).toBe(1);
      return (await tab.page.locator('[data-testid=mentors-table] tbody tr').textContent()) ?? '';
    };
    // Mentor 007 (index 6, ready) began their stage 6 days ago and the record was touched 5 days ago; Mentor 011 (index
    // 10, ended) has no stage start on record. Neither is on the training, whose register moves people on.
    expect(seeded.mentors[6]!.id).toBe(mentorId(6));
    expect(stageKeptFor(6) && !stageKeptFor(10)).toBe(true);
    const kept = await rowOf(6);
    expect(kept).toContain(`${seededDaysInStage(6)} days`);
    expect(kept).not.toContain('since the record');
    expect(await rowOf(10)).toContain(`${seededDaysInStage(10)} days (since the record's last change)`);
  });

  it('gives the Data Protection Officer the subject access requests with due dates, and the export as a download, audited', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Grady Archie');
    // Their first view is the requests; the only other is their own page.
    expect(await tab.page.getByRole('tab').count()).toBe(2);
    expect(await tab.page.getByRole('tab', { name: 'My page', exact: true }).count()).toBe(1);
    expect(await tab.page.getByRole('tab', { selected: true }).textContent()).toBe('Subject access');
    const row = tab.page.locator('[data-testid=subject-access-table] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['Alex Wilber (mentor)', 'received, being prepared']);
    expect(cells[3]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(await tab.seriousProblems()).toEqual([]);
    const audits = async () => {
      let count = 0;
      for await (const entity of (await (await stores(bot)).storage.openTable('Privacy')).listEntities<{ action: string }>()) if (entity.action === 'subjectAccessExported') count += 1;
      return count;
    };
    const [page] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name: 'Download page: Alex Wilber (mentor)' }).click()]);
    expect(page.suggestedFilename()).toMatch(/^subject-access-.+\.html$/);
    const html = readFileSync(await page.path(), 'utf8');
    expect(html).toContain('<title>Information we hold</title>');
    expect(html).toContain('Alex Wilber (mentor)');
    const [json] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name: 'Download JSON: Alex Wilber (mentor)' }).click()]);
    expect((JSON.parse(readFileSync(await json.path(), 'utf8')) as { subject: string }).subject).toBe('Alex Wilber (mentor)');
    await tab.page.getByText('The download is recorded against the request.').first().waitFor();
    expect(await audits()).toBe(2);
  });

  it('exports the month as an Excel workbook that reads back as the stored claims, amounts as numbers in pounds', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('Claims');
    await expect.poll(() => tab.page.locator('[data-testid=claims-table] tbody tr').count()).toBe(seeded.claims);
    const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name: 'Export Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`claims-${seeded.claimMonth}.xlsx`);
    const [header, ...rows] = workbookRows(readFileSync(await download.path()));
    expect(header).toEqual(['Mentor', 'Date', 'Amount (£)', 'Purpose', 'State']);
    const { relationships, mentors } = await stores(bot);
    const stored = await Promise.all(
      (await relationships.claimsForMonth(seeded.claimMonth))
        .map((claim) => claim.value)
        .filter((claim) => claim.state !== 'rejected')
        .map(async (claim) => [(await mentors.get(claim.mentorId))!.value.name, claim.date, claim.amountPence / 100, claim.purpose, claim.state]),
    );
    expect(stored).toHaveLength(seeded.claims);
    const byText = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect([...rows].sort(byText)).toEqual(stored.sort(byText));
  });

  it('approves every claim of the month in one go, and the store says approved', async () => {
    const tab = await workspace();
    await tab.open();
    await tab.signInLocallyAs('Isaiah Langer');
    await tab.show('Claims');
    await tab.page.getByRole('checkbox', { name: 'Choose every claim not yet paid' }).check();
    await tab.page.getByRole('button', { name: `Approve chosen (${seeded.claims})` }).click();
    await tab.page.getByText(`${seeded.claims} claims approved.`).waitFor();
    const { relationships } = await stores(bot);
    expect((await relationships.claimsForMonth(seeded.claimMonth)).map((claim) => claim.value.state)).toEqual(Array(seeded.claims).fill('approved'));
  });
});

describe('the workspace tab signed in with a Teams SSO token', () => {
  let bot: TestBot;
  let issuer: EntraSsoIssuer;
  let browser: Browser;

  beforeAll(async () => {
    issuer = await EntraSsoIssuer.start(TEST_TENANT);
    bot = await startTestBot(issuer.env());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await issuer?.stop();
  });

  it('opens the coordinator views for a signed token, offers no local sign-in, and turns away a page with none', async () => {
    const page = await browser.newPage();
    const tab = new WorkspacePage(page, `http://127.0.0.1:${bot.bot.port}`);
    await tab.open();
    await page.getByText('Open the workspace from the Care Leaver Mentoring app in Teams to sign in.').waitFor();
    expect(await page.getByLabel('Sign in as…').count()).toBe(0);

    // What Teams' getAuthToken() hands the tab: a token Entra signed for this app, sent on every API call.
    const token = await issuer.token({ oid: ISAIAH.id, name: ISAIAH.name });
    await page.route('**/workspace/api/**', (route) => route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }));
    await tab.open();
    await page.getByRole('tab', { name: 'At a glance' }).waitFor();
    expect(await page.getByText('Local mode').count()).toBe(0);
    await page.locator('[data-testid=funnel-table]').waitFor();
  });
});

async function stores(bot: TestBot) {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const storage = await openStorage(clients, bot.env.TABLE_PREFIX!);
  const queue = new EffectQueue(storage.effectQueue, () => new Date());
  const now = () => new Date();
  return {
    storage,
    sessions: new SessionRepository(await storage.openTable('Sessions'), queue, now),
    mentors: new MentorRepository(await storage.openTable('Mentors'), queue, now),
    relationships: new RelationshipRepository(await storage.openTable('Relationships'), queue, now),
  };
}

/** How many young people's records have been read for a list (the access log's rows with purpose 'list'). */
async function listReads(bot: TestBot): Promise<number> {
  let count = 0;
  for await (const row of (await (await stores(bot)).storage.openTable('YoungPersonAccess')).listEntities<{ purpose: string }>()) if (row.purpose === 'list') count += 1;
  return count;
}

/** The first sheet of an .xlsx file as rows of cell values: shared strings resolved, numbers as numbers. */
function workbookRows(file: Buffer): (string | number)[][] {
  const files = unzipSync(new Uint8Array(file));
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si>(.*?)<\/si>/gs)].map((si) => unescape([...si[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  return [...sheet.matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((cell) => {
      const value = /<v>(.*?)<\/v>/s.exec(cell[2] ?? '')?.[1] ?? '';
      return /\bt="s"/.test(cell[1]!) ? shared[Number(value)]! : Number(value);
    }),
  );
}
