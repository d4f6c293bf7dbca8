import type { DataSubject } from './subject-access.js';

/** One stored row about the subject, as it will be shown: which table, what kind of row, and its fields. */
export interface HeldRow {
  readonly table: string;
  readonly kind: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Someone other than the subject named in the export: to be reviewed (and redacted where needed) before release. */
export interface ThirdParty {
  readonly table: string;
  readonly kind: string;
  readonly field: string;
  readonly value: string;
}

export interface ExportDocument {
  readonly subject: string;
  readonly generatedAt: string;
  readonly rows: readonly HeldRow[];
  readonly thirdParties: readonly ThirdParty[];
}

/** Fields that hold another person's id or name (who acted, who read, who decided, a key adult). */
const PERSON_FIELD = /(^name$|Name$|By$|^by$|^actorId$|^readerId$|^recipientId$|^approvers$|^keyAdult$|^manager$|^personId$)/;

export function subjectLabel(subject: DataSubject): string {
  return subject.kind === 'mentor' ? `${subject.name} (mentor)` : `Young person, case reference ${subject.reference}`;
}

/** The subject's own ids and names: everything else a person field holds is a third party. */
export function buildExport(subject: DataSubject, rows: readonly HeldRow[], generatedAt: string): ExportDocument {
  const own = new Set(subject.kind === 'mentor' ? [subject.personId.toLowerCase(), subject.name.toLowerCase()] : [subject.youngPersonId.toLowerCase()]);
  own.add('system');
  own.add('mentoring scheme bot');
  const thirdParties: ThirdParty[] = [];
  for (const row of rows) {
    for (const [field, value] of Object.entries(row.fields)) {
      if (!PERSON_FIELD.test(field)) continue;
      for (const named of namesIn(value)) if (!own.has(named.toLowerCase())) thirdParties.push({ table: row.table, kind: row.kind, field, value: named });
    }
  }
  return { subject: subjectLabel(subject), generatedAt, rows, thirdParties };
}

function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (value && typeof value === 'object') {
    const { name, id } = value as { name?: unknown; id?: unknown };
    return [name, id].flatMap((part) => (typeof part === 'string' && part.trim() !== '' ? [part] : []));
  }
  return [];
}

/** A page a person can read: what is held, table by table, and (for the reviewer) who else is named. */
export function renderExportHtml(document: ExportDocument): string {
  const byTable = new Map<string, HeldRow[]>();
  for (const row of document.rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  const sections = [...byTable].map(
    ([table, rows]) =>
      `<section><h2>${escape(table)}</h2>${rows
        .map((row) => `<h3>${escape(row.kind)}</h3><dl>${Object.entries(row.fields).map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(show(v))}</dd>`).join('')}</dl>`)
        .join('')}</section>`,
  );
  const review = document.thirdParties.length
    ? `<section><h2>For review before release: other people named</h2><ul>${document.thirdParties
        .map((t) => `<li>${escape(t.table)}, ${escape(t.kind)}, ${escape(t.field)}: ${escape(t.value)}</li>`)
        .join('')}</ul></section>`
    : '<section><h2>For review before release</h2><p>No other person is named.</p></section>';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Information we hold</title></head><body>',
    `<h1>Information the mentoring scheme holds about ${escape(document.subject)}</h1>`,
    `<p>Prepared ${escape(document.generatedAt)}. ${document.rows.length} records.</p>`,
    review,
    ...sections,
    '</body></html>',
  ].join('');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
