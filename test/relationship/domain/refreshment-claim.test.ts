import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approveClaim,
  checkClaimRequest,
  claimsCsv,
  claimTotalsForMonth,
  DEFAULT_CLAIM_POLICY,
  editClaim,
  markClaimPaid,
  rejectClaim,
  submitClaim,
  textCell,
  type RefreshmentClaim,
} from '../../../src/relationship/domain/index.js';

const NOW = new Date('2025-05-02T09:00:00Z');
const LATER = new Date('2025-05-09T09:00:00Z');

function claim(id: string, date: string, amountPence: number, extra: Partial<RefreshmentClaim> = {}): RefreshmentClaim {
  return { ...submitClaim({ amountPence, purpose: 'two coffees' }, { id, matchId: 'm1', mentorId: 'u1', date, now: NOW }), ...extra };
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

function code(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'OK' : (result.error?.code ?? '');
}

describe('checkClaimRequest: a note above the configured limit', () => {
  const policy = { noteRequiredAbovePence: 10_00, maxPence: 50_00 };
  it.each([
    [{ amount: '10', purpose: 'lunch' }, 'OK'],
    [{ amount: '10.01', purpose: 'lunch' }, 'CLAIM_NOTE_REQUIRED'],
    [{ amount: '10.01', purpose: 'lunch', note: '   ' }, 'CLAIM_NOTE_REQUIRED'],
    [{ amount: '10.01', purpose: 'lunch', note: 'open day, all afternoon' }, 'OK'],
    [{ amount: '50.01', purpose: 'lunch', note: 'x' }, 'AMOUNT_TOO_LARGE'],
    [{ amount: '5', purpose: '' }, 'CLAIM_PURPOSE_MISSING'],
    [{ amount: '5', purpose: 'x'.repeat(141) }, 'TEXT_TOO_LONG'],
    [{ amount: '5', purpose: 'coffee', note: 7 }, 'TEXT_NOT_TEXT'],
  ])('%o: %s', (input, expected) => {
    expect(code(checkClaimRequest(input, policy))).toBe(expected);
  });
});

describe('claim states: submitted → approved → paid, or rejected', () => {
  const submitted = claim('c1', '2025-04-30', 450);

  it('goes through to paid, recording who and when', () => {
    const approved = value(approveClaim(submitted, 'coord', NOW));
    const paid = value(markClaimPaid(approved, 'finance', LATER));
    expect(paid).toMatchObject({ state: 'paid', decidedBy: 'coord', decidedAt: NOW, paidBy: 'finance', paidAt: LATER });
  });

  it.each([
    ['approve a submitted claim', 'submitted', 'approve', 'OK'],
    ['approve an approved claim', 'approved', 'approve', 'CLAIM_STATE_NOT_ALLOWED'],
    ['pay a submitted claim', 'submitted', 'pay', 'CLAIM_STATE_NOT_ALLOWED'],
    ['pay an approved claim', 'approved', 'pay', 'OK'],
    ['pay a paid claim', 'paid', 'pay', 'CLAIM_STATE_NOT_ALLOWED'],
    ['pay a rejected claim', 'rejected', 'pay', 'CLAIM_STATE_NOT_ALLOWED'],
    ['reject a submitted claim', 'submitted', 'reject', 'OK'],
    ['reject an approved claim', 'approved', 'reject', 'OK'],
    ['reject a paid claim', 'paid', 'reject', 'CLAIM_STATE_NOT_ALLOWED'],
    ['approve a rejected claim', 'rejected', 'approve', 'CLAIM_STATE_NOT_ALLOWED'],
  ] as const)('%s', (_name, state, action, expected) => {
    const start = { ...submitted, state };
    const result =
      action === 'approve' ? approveClaim(start, 'coord', NOW) : action === 'pay' ? markClaimPaid(start, 'fin', NOW) : rejectClaim(start, 'coord', NOW, 'no receipt');
    expect(code(result)).toBe(expected);
  });

  it('needs a reason to reject', () => {
    expect(code(rejectClaim(submitted, 'coord', NOW, '  '))).toBe('CLAIM_REJECTION_REASON_MISSING');
  });

  it.each([
    ['submitted', 'OK'],
    ['approved', 'OK'],
    ['rejected', 'OK'],
    ['paid', 'CLAIM_ALREADY_PAID'],
  ] as const)('editing a %s claim: %s', (state, expected) => {
    const result = editClaim({ ...submitted, state, decidedBy: 'coord', decidedAt: NOW }, { amount: '5', purpose: 'tea' }, DEFAULT_CLAIM_POLICY);
    expect(code(result)).toBe(expected);
    if (result.ok) {
      expect(result.value).toMatchObject({ amountPence: 500, purpose: 'tea', state: 'submitted' });
      expect(result.value.decidedBy).toBeUndefined();
    }
  });

  it('checks an edit like a new claim', () => {
    expect(code(editClaim(submitted, { amount: '-5', purpose: 'tea' }, DEFAULT_CLAIM_POLICY))).toBe('AMOUNT_NEGATIVE');
  });
});

describe('claimTotalsForMonth: exact sums in pence', () => {
  const claims = [
    claim('a', '2025-04-01', 450),
    claim('b', '2025-04-30', 10, { state: 'approved' }),
    claim('c', '2025-04-15', 20, { state: 'paid' }),
    claim('d', '2025-04-15', 999, { state: 'rejected' }),
    claim('e', '2025-05-01', 700),
    claim('f', '2025-03-31', 300),
  ];

  it('counts only the month, keeps rejected apart', () => {
    expect(claimTotalsForMonth(claims, '2025-04')).toEqual({
      count: 4,
      claimedPence: 480,
      submittedPence: 450,
      approvedPence: 10,
      paidPence: 20,
      rejectedPence: 999,
    });
  });

  it('is exact where pounds as floats are not (10p + 20p)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200_00 }), { maxLength: 200 }), (amounts) => {
        const totals = claimTotalsForMonth(amounts.map((pence, i) => claim(String(i), '2025-04-10', pence)), '2025-04');
        expect(totals.claimedPence).toBe(amounts.reduce((sum, pence) => sum + pence, 0));
        expect(Number.isSafeInteger(totals.claimedPence)).toBe(true);
      }),
    );
  });
});

describe('claimsCsv: a month of claims for finance', () => {
  it('writes a header, one row per claim in date order, CRLF line ends', () => {
    const claims = [
      claim('c2', '2025-04-20', 1234, { purpose: 'lunch, and a drink', note: 'he said "thanks"', state: 'approved', decidedBy: 'Coordinator' }),
      claim('c1', '2025-04-02', 450, { state: 'paid', decidedBy: 'Coordinator', paidAt: new Date('2025-05-31T23:30:00Z') }),
      claim('c3', '2025-04-21', 99, { state: 'rejected' }),
      claim('c4', '2025-05-01', 100),
    ];
    const csv = claimsCsv(claims, '2025-04', { mentorName: (id) => (id === 'u1' ? 'Pat Smith' : undefined) });
    expect(csv).toBe(
      'Claim,Date,Mentor,Amount (GBP),What it was for,Note,Status,Approved by,Paid on\r\n' +
        'c1,2025-04-02,Pat Smith,4.50,two coffees,,paid,Coordinator,2025-06-01\r\n' +
        'c2,2025-04-20,Pat Smith,12.34,"lunch, and a drink","he said ""thanks""",approved,Coordinator,\r\n',
    );
  });

  it('writes just the header for a month with no claims', () => {
    expect(claimsCsv([], '2025-04')).toBe('Claim,Date,Mentor,Amount (GBP),What it was for,Note,Status,Approved by,Paid on\r\n');
  });

  it('can include rejected claims on request', () => {
    const csv = claimsCsv([claim('c3', '2025-04-21', 99, { state: 'rejected' })], '2025-04', { states: ['rejected'] });
    expect(csv.split('\r\n')[1]).toBe('c3,2025-04-21,u1,0.99,two coffees,,rejected,,');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['plain words', 'plain words'],
    ['a = b', 'a = b'],
    ['line\nbreak', '"line\nbreak"'],
    ['', ''],
  ])('cell %j is written %j', (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });

  it('keeps every cell intact through an RFC 4180 reader, and no cell starts a formula', () => {
    const text = fc.string({ maxLength: 30, unit: fc.constantFrom('a', '=', '+', '-', '@', ',', '"', '\n', '\r', ' ', '1') });
    fc.assert(
      fc.property(text, text, (purpose, note) => {
        const csv = claimsCsv([claim('c1', '2025-04-02', 450, { purpose, note })], '2025-04');
        const rows = readCsv(csv);
        expect(rows).toHaveLength(2);
        const row = rows[1] ?? [];
        expect(row).toHaveLength(9);
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(row[4]).toBe(/^[=+\-@\t\r]/.test(purpose) ? `'${purpose}` : purpose);
      }),
    );
  });
});

/** A small RFC 4180 reader, to check the writer from the other side. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += c;
  }
  return rows;
}
