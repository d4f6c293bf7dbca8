import { exportSubjectAccess, listSubjectAccess, STATE_WORDS, subjectLabel, type RequestView } from '../../privacy/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface SubjectAccessRow {
  readonly id: string;
  /** The mentor's name, or the young person's case reference: what the chat's `privacy` card shows. */
  readonly subject: string;
  readonly state: RequestView['request']['state'];
  readonly stateWords: string;
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly extended: boolean;
  /** Where the chat's request card offers "Prepare the export" (received, in review), the tab offers the download. */
  readonly exportable: boolean;
}

/** The subject access requests, open ones first by due date: the privacy use case decides who may (coordinators, the DPO). */
export async function subjectAccessRows(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<SubjectAccessRow[]>> {
  const listed = await listSubjectAccess(deps.privacy, actor);
  if (!listed.ok) return listed;
  return ok(
    listed.value.map(({ request, dueOn }) => ({
      id: request.id,
      subject: subjectLabel(request.subject),
      state: request.state,
      stateWords: STATE_WORDS[request.state],
      receivedOn: request.receivedOn,
      dueOn,
      extended: !!request.extension,
      exportable: request.state === 'received' || request.state === 'inReview',
    })),
  );
}

export type ExportFormat = 'html' | 'json';

export interface ExportFile {
  readonly body: string;
  readonly contentType: string;
  readonly filename: string;
}

/**
 * The export as a file: the privacy use case reads everything held about the subject, records `subjectAccessExported`
 * against the request (as the chat's "Prepare the export" does), and makes the page and the JSON; one is handed over.
 */
export async function subjectAccessExportFile(deps: WorkspaceDeps, actor: PersonRef, requestId: string, format: ExportFormat): Promise<Result<ExportFile>> {
  const exported = await exportSubjectAccess(deps.privacy, actor, requestId);
  if (!exported.ok) return exported;
  const name = `subject-access-${requestId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'request'}`;
  return ok(
    format === 'html'
      ? { body: exported.value.html, contentType: 'text/html; charset=utf-8', filename: `${name}.html` }
      : { body: exported.value.json, contentType: 'application/json; charset=utf-8', filename: `${name}.json` },
  );
}
