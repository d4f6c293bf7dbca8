import type { IncomingMessage } from 'node:http';
import type { Directory } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { EntraTokenVerifier } from './entra-token.js';

/** The header the tab sends in local mode: the local cast member chosen under "Sign in as…". */
export const LOCAL_PERSON_HEADER = 'x-workspace-local-person';

export type SignedIn = { readonly ok: true; readonly person: PersonRef } | { readonly ok: false; readonly reason: string };

/** Who is asking: from a validated Entra token, or (local mode only) the local cast member chosen. */
export interface WorkspaceSignIn {
  readonly mode: 'entra' | 'local';
  identify(req: IncomingMessage): Promise<SignedIn>;
}

/** Authentication on: only a Teams SSO token counts; the local header is never read. */
export function entraSignIn(verifier: EntraTokenVerifier): WorkspaceSignIn {
  return {
    mode: 'entra',
    async identify(req) {
      const checked = await verifier.check(req.headers.authorization);
      return checked.ok ? { ok: true, person: checked.person } : { ok: false, reason: checked.reason };
    },
  };
}

/** Local mode (no Entra configured): the person is whoever of the local directory's cast the tab names. */
export function localSignIn(directory: Directory, cast: readonly PersonRef[]): WorkspaceSignIn {
  const known = new Set(cast.map((person) => person.id));
  return {
    mode: 'local',
    async identify(req) {
      const id = req.headers[LOCAL_PERSON_HEADER];
      if (typeof id !== 'string' || !known.has(id)) return { ok: false, reason: 'not_in_local_cast' };
      const person = await directory.getPerson(id);
      return person ? { ok: true, person: { id: person.id.toLowerCase(), name: person.name } } : { ok: false, reason: 'not_in_local_cast' };
    },
  };
}
