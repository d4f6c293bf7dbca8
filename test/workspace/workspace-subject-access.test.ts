import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { inboxOf } from '../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH } from '../support/people.js';
import { textOf } from '../support/teams-connector.js';
import { action, invokeCard, message, startTestBot, type TestBot } from '../support/test-bot.js';

const LOCAL = 'x-workspace-local-person';
const REFUSED = 'Only the scheme coordinators and the Data Protection Officer can do this. If you think you should be able to, ask the Leaving Care service manager.';

/**
 * Subject access handed over from the workspace: the requests with their due dates, and the export (the page and the
 * JSON the privacy capability makes) downloaded instead of copied out of chat. Grady Archie is the Data Protection
 * Officer, Isaiah Langer a coordinator, Adele Vance neither. The request is started in chat, as it is in practice.
 */
describe('subject access requests in the workspace', () => {
  let bot: TestBot;
  let base: string;
  let requestId: string;
  const inbox = inboxOf(() => bot);

  beforeAll(async () => {
    bot = await startTestBot({ DPO_IDS: GRADY.id });
    base = `http://127.0.0.1:${bot.bot.port}/workspace/api/`;
    await bot.send(message(ISAIAH, `subject access ${ALEX.id}`));
    await inbox.cardWith(ISAIAH, 'Subject access request: Alex Wilber (mentor)');
  });
  afterAll(() => bot?.stop());

  const call = (path: string, as: { id: string }) => fetch(`${base}${path}`, { headers: { [LOCAL]: as.id } });
  const json = async (path: string, as: { id: string }) => {
    const response = await call(path, as);
    return { status: response.status, body: (await response.json()) as any };
  };
  /** The audit rows the privacy use case writes for an export, in the request's partition: the chat's and the tab's alike. */
  async function exportAudits(): Promise<{ actorId: string; detail: string }[]> {
    const table = storageClients({ kind: 'connectionString', connectionString: bot.env.STORAGE_CONNECTION_STRING! }).table(`${bot.env.TABLE_PREFIX}Privacy`);
    const rows: { actorId: string; detail: string }[] = [];
    for await (const row of table.listEntities<{ actorId: string; detail: string }>({ queryOptions: { filter: odata`action eq ${'subjectAccessExported'} and subjectId eq ${requestId}` } })) rows.push({ actorId: row.actorId, detail: row.detail });
    return rows;
  }

  it('tells the tab who may see subject access: coordinators and the DPO, by privacy\'s own check', async () => {
    expect((await json('me', GRADY)).body).toMatchObject({ coordinator: false, subjectAccess: true });
    expect((await json('me', ISAIAH)).body).toMatchObject({ coordinator: true, subjectAccess: true });
    expect((await json('me', ADELE)).body).toMatchObject({ coordinator: false, subjectAccess: false });
  });

  it('lists the requests with their state and due date for the DPO and a coordinator, and refuses anyone else', async () => {
    for (const as of [GRADY, ISAIAH]) {
      const listed = await json('subject-access', as);
      expect(listed.status).toBe(200);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({ subject: 'Alex Wilber (mentor)', state: 'received', stateWords: 'received, being prepared', extended: false, exportable: true });
      // Due one calendar month after it was received, as the chat's card says.
      const received = listed.body[0].receivedOn as string;
      const due = new Date(`${received}T00:00:00Z`);
      due.setUTCMonth(due.getUTCMonth() + 1);
      if (due.getUTCDate() !== Number(received.slice(8, 10))) due.setUTCDate(0);
      expect(listed.body[0].dueOn).toBe(due.toISOString().slice(0, 10));
      requestId = listed.body[0].id;
    }
    expect(await json('subject-access', ADELE)).toEqual({ status: 403, body: { error: { code: 'NOT_PRIVACY_OFFICER', message: REFUSED } } });
  });

  it('hands the DPO the export as the readable page and as JSON, each download audited as the chat\'s export is', async () => {
    expect(await exportAudits()).toEqual([]);
    const page = await call(`subject-access/${requestId}/export.html`, GRADY);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-disposition')).toBe(`attachment; filename="subject-access-${requestId}.html"`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<title>Information we hold</title>');
    expect(html).toContain('Alex Wilber (mentor)');

    const file = await call(`subject-access/${requestId}/export.json`, ISAIAH);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="subject-access-${requestId}.json"`);
    const document = (await file.json()) as { subject: string; rows: { table: string }[] };
    expect(document.subject).toBe('Alex Wilber (mentor)');
    // The request itself is among what is held about him.
    expect(document.rows.some((row) => row.table.includes('Privacy'))).toBe(true);

    // The chat's "Prepare the export" writes the same audit row: one for each of the three.
    expect(textOf(invokeCard(await bot.send(action(GRADY, 'subjectAccessExport', { requestId }))))).toContain('Export prepared: Alex Wilber (mentor)');
    const audits = await exportAudits();
    expect(audits.map((row) => row.actorId).sort()).toEqual([GRADY.id, GRADY.id, ISAIAH.id].sort());
    expect(audits.every((row) => /^ROWS_\d+$/.test(row.detail))).toBe(true);
  });

  it('refuses anyone else the export, and an unknown request, with nothing read or audited', async () => {
    const before = (await exportAudits()).length;
    const refused = await call(`subject-access/${requestId}/export.html`, ADELE);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'NOT_PRIVACY_OFFICER', message: REFUSED } });
    expect(await json('subject-access/no-such-request/export.json', GRADY)).toEqual({
      status: 404,
      body: { error: { code: 'UNKNOWN_REQUEST', message: 'That request is not on record. It may have been typed wrongly.' } },
    });
    expect((await call(`subject-access/${requestId}/export.pdf`, GRADY)).status).toBe(404);
    expect((await exportAudits()).length).toBe(before);
  });
});
