import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Result } from '../../platform/kernel/result.js';
import { claimsCsvFile, claimsMonth, decideClaims } from '../app/claims-view.js';
import { commitmentOverview } from '../../relationship/index.js';
import { putForward, shortlist, waitingForMatch } from '../app/matching-view.js';
import { myPage } from '../app/my-page.js';
import { overview } from '../app/overview.js';
import { mentorRows, remindMentorsApprover, youngPersonRows } from '../app/people.js';
import { cancelSessionFromWorkspace, changeSeatsFromWorkspace, moveSessionFromWorkspace, recordRegister, sessionRows } from '../app/sessions-view.js';
import { broadcastReportFor, broadcastRows, retryFailedFromWorkspace } from '../app/broadcasts-view.js';
import { subjectAccessExportFile, subjectAccessRows } from '../app/subject-access-view.js';
import { whoAmI } from '../app/who-am-i.js';
import type { WorkspaceDeps } from '../app/workspace-deps.js';
import { readJson, sendJson, sendProblem } from './http.js';
import type { WorkspaceSignIn } from './workspace-sign-in.js';

export const API_PREFIX = '/workspace/api/';

type Answer =
  | { readonly status: number; readonly body: unknown }
  | { readonly csv: string; readonly filename: string }
  | { readonly file: { readonly body: string; readonly contentType: string; readonly filename: string } };
type Handler = (actor: PersonRef, request: { readonly params: readonly string[]; readonly query: URLSearchParams; readonly body: unknown }) => Promise<Answer>;

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handle: Handler;
}

const SIGN_IN_REFUSED = 'Please sign in again: the workspace could not confirm who you are.';

/** The workspace's JSON API: every route signs the person in, then asks a use case; the use case decides who may. */
export function workspaceApi(deps: WorkspaceDeps, signIn: WorkspaceSignIn, localCast: readonly PersonRef[], log: Logger) {
  const json = async <T>(result: Promise<Result<T>> | Result<T>): Promise<Answer> => {
    const settled = await result;
    return settled.ok ? { status: 200, body: settled.value } : { status: statusOf(settled.error.code), body: { error: settled.error } };
  };
  const routes: Route[] = [
    { method: 'GET', pattern: /^me$/, handle: async (actor) => ({ status: 200, body: { ...whoAmI(deps.sessions.roles, actor), mode: signIn.mode } }) },
    { method: 'GET', pattern: /^me\/page$/, handle: async (actor) => ({ status: 200, body: await myPage(deps, actor) }) },
    { method: 'GET', pattern: /^overview$/, handle: (actor) => json(overview(deps, actor)) },
    { method: 'GET', pattern: /^mentors$/, handle: (actor) => json(mentorRows(deps, actor)) },
    { method: 'POST', pattern: /^mentors\/([^/]+)\/remind$/, handle: (actor, r) => json(remindMentorsApprover(deps, actor, r.params[0]!)) },
    { method: 'GET', pattern: /^young-people$/, handle: (actor, r) => json(youngPersonRows(deps, actor, r.query.get('page') ?? undefined, r.query.get('search') ?? undefined)) },
    { method: 'GET', pattern: /^commitment$/, handle: (actor) => json(commitmentOverview(deps.relationship, actor)) },
    { method: 'GET', pattern: /^matching\/waiting$/, handle: (actor) => json(waitingForMatch(deps, actor)) },
    { method: 'GET', pattern: /^matching\/([^/]+)\/shortlist$/, handle: (actor, r) => json(shortlist(deps, actor, r.params[0]!)) },
    { method: 'POST', pattern: /^matching\/([^/]+)\/put-forward$/, handle: (actor, r) => json(putForward(deps, actor, r.params[0]!, r.body)) },
    { method: 'GET', pattern: /^sessions$/, handle: (actor) => json(sessionRows(deps, actor)) },
    { method: 'POST', pattern: /^sessions\/([^/]+)\/register$/, handle: (actor, r) => json(recordRegister(deps, actor, r.params[0]!, r.body)) },
    { method: 'POST', pattern: /^sessions\/([^/]+)\/cancel$/, handle: (actor, r) => json(cancelSessionFromWorkspace(deps, actor, r.params[0]!)) },
    { method: 'POST', pattern: /^sessions\/([^/]+)\/move$/, handle: (actor, r) => json(moveSessionFromWorkspace(deps, actor, r.params[0]!, r.body)) },
    { method: 'POST', pattern: /^sessions\/([^/]+)\/seats$/, handle: (actor, r) => json(changeSeatsFromWorkspace(deps, actor, r.params[0]!, r.body)) },
    { method: 'GET', pattern: /^broadcasts$/, handle: (actor) => json(broadcastRows(deps, actor)) },
    { method: 'GET', pattern: /^broadcasts\/([^/]+)$/, handle: (actor, r) => json(broadcastReportFor(deps, actor, r.params[0]!)) },
    { method: 'POST', pattern: /^broadcasts\/([^/]+)\/retry-failed$/, handle: (actor, r) => json(retryFailedFromWorkspace(deps, actor, r.params[0]!)) },
    { method: 'GET', pattern: /^claims$/, handle: (actor, r) => json(claimsMonth(deps, actor, r.query.get('month') ?? undefined)) },
    { method: 'POST', pattern: /^claims\/decide$/, handle: (actor, r) => json(decideClaims(deps, actor, r.body)) },
    { method: 'GET', pattern: /^subject-access$/, handle: (actor) => json(subjectAccessRows(deps, actor)) },
    {
      method: 'GET',
      pattern: /^subject-access\/([^/]+)\/export\.(html|json)$/,
      handle: async (actor, r) => {
        const file = await subjectAccessExportFile(deps, actor, r.params[0]!, r.params[1] as 'html' | 'json');
        return file.ok ? { file: file.value } : json(file);
      },
    },
    {
      method: 'GET',
      pattern: /^claims\.csv$/,
      handle: async (actor, r) => {
        const file = await claimsCsvFile(deps, actor, r.query.get('month') ?? undefined);
        return file.ok ? { csv: file.value.csv, filename: `claims-${file.value.month}.csv` } : json(file);
      },
    },
  ];

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://workspace');
    if (!url.pathname.startsWith(API_PREFIX)) return false;
    const path = url.pathname.slice(API_PREFIX.length);
    if (path === 'local-cast' && signIn.mode === 'local' && req.method === 'GET') {
      sendJson(res, 200, { local: true, people: localCast });
      return true;
    }
    const route = routes.find((each) => each.method === req.method && each.pattern.test(path));
    if (!route) {
      sendProblem(res, 404, 'NOT_FOUND', 'There is nothing at this address in the workspace.');
      return true;
    }
    const signedIn = await signIn.identify(req);
    if (!signedIn.ok) {
      log.warn({ status: 401, reason: signedIn.reason }, 'workspace request refused: its sign-in was not accepted');
      sendProblem(res, 401, 'SIGN_IN_REQUIRED', SIGN_IN_REFUSED);
      return true;
    }
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readJson(req);
      if (!read.ok) {
        sendProblem(res, 400, 'REQUEST_UNREADABLE', read.message);
        return true;
      }
      body = read.value;
    }
    const params = (route.pattern.exec(path) ?? []).slice(1).map((each) => safeDecode(each));
    if (params.some((each) => each === undefined)) {
      sendProblem(res, 400, 'REQUEST_UNREADABLE', 'The address could not be read.');
      return true;
    }
    const answer = await route.handle(signedIn.person, { params: params as string[], query: url.searchParams, body });
    if ('file' in answer) {
      // An export is the person's own data about someone: never cached, always saved rather than shown in the tab.
      res.writeHead(200, { 'Content-Type': answer.file.contentType, 'Content-Disposition': `attachment; filename="${answer.file.filename}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(answer.file.body);
    } else if ('csv' in answer) {
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${answer.filename}"`, 'Cache-Control': 'no-store' });
      res.end(answer.csv);
    } else {
      if (answer.status === 403) log.info({ status: 403, route: route.pattern.source }, 'workspace request refused: not allowed to this person');
      sendJson(res, answer.status, answer.body);
    }
    return true;
  };
}

function statusOf(code: string): number {
  if (code === 'NOT_COORDINATOR' || code === 'NOT_PRIVACY_OFFICER') return 403;
  if (code === 'UNKNOWN_REQUEST') return 404;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.includes('CONFLICT') || code === 'CONCURRENT_CHANGE') return 409;
  return 400;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
