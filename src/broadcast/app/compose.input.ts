import { z } from 'zod';
import { AUDIENCE_GROUPS, checkBroadcastText, type AudienceGroup } from '../domain/index.js';
import { parseWith } from '../../platform/app/text-input.js';
import { invalidInput, problem, unreadableInput, type InputResult, type InvalidInputError } from '../../platform/kernel/validation/index.js';
import type { AudienceChoice } from './broadcast.js';

export interface ComposeInput {
  readonly draftId: string;
  /** Undefined: a plain announcement. */
  readonly sessionId?: string;
  readonly text: string;
  readonly audience: AudienceChoice;
  /** The raw values, to put back on the card for Edit. */
  readonly values: { sessionId: string; text: string; audience: string; people: string; picked?: string };
}

const MAX_PEOPLE = 500;

const formSchema = z.object({
  draftId: z.string().regex(/^[0-9a-f-]{36}$/i),
  sessionId: z.string().max(200).optional(),
  text: z.unknown().optional(),
  audience: z.string().max(500).optional(),
  people: z.string().max(40_000).optional(),
  /** Directory ids from the people picker (Teams' Data.Query on graph.microsoft.com/users), comma-separated. */
  picked: z.string().max(40_000).optional(),
  /** Back on Edit: the people picked before, as ticks (untick to leave someone out). */
  chosen: z.string().max(40_000).optional(),
});

const DIRECTORY_ID = /^[0-9a-f-]{8,64}$/i;

const UNREADABLE = 'This card could not be read. Type "broadcast" to start again.';

export function parseDraftId(input: unknown): InputResult<string> {
  const parsed = parseWith(formSchema.pick({ draftId: true }), input, UNREADABLE);
  return parsed.ok ? { ok: true, value: parsed.value.draftId } : parsed;
}

/**
 * The compose form: the message checked as plain text, an audience from known keys, and named people: picked by name
 * (directory ids from the people picker) and typed as e-mail addresses (for a client without the picker), together.
 */
export function parseCompose(input: unknown): InputResult<ComposeInput> {
  const form = parseWith(formSchema, input, UNREADABLE);
  if (!form.ok) return form;
  const { draftId } = form.value;
  const sessionId = form.value.sessionId && form.value.sessionId !== 'none' ? form.value.sessionId : undefined;
  const text = checkBroadcastText(form.value.text ?? '');
  if (!text.ok) return refuse('text', text.error.code, text.error.message);
  const keys = (form.value.audience ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  const unknownKey = keys.find((key) => key !== 'eligible' && !(key in AUDIENCE_GROUPS));
  if (unknownKey) return unreadableInput('UNREADABLE', UNREADABLE);
  const typed = (form.value.people ?? '').split(/[,;\n]/).map((entry) => entry.trim()).filter(Boolean);
  const picked = [...new Set(`${form.value.chosen ?? ''},${form.value.picked ?? ''}`.split(',').map((entry) => entry.trim()).filter(Boolean))];
  // The picker sends directory ids; anything else did not come from it.
  if (picked.some((id) => !DIRECTORY_ID.test(id))) return unreadableInput('UNREADABLE', UNREADABLE);
  const people = [...new Set([...picked, ...typed])];
  if (people.length > MAX_PEOPLE) return refuse('people', 'TOO_MANY_PEOPLE', `Please name at most ${MAX_PEOPLE} people; use a group for more.`);
  const malformed = typed.find((entry) => !DIRECTORY_ID.test(entry) && !/^[^\s@]+@[^\s@]+$/.test(entry));
  // A directory id still reads (an older card asked for them), but people are asked for, and told about, e-mail addresses.
  if (malformed) return refuse('people', 'NOT_A_PERSON', `"${malformed.slice(0, 80)}" is not an e-mail address. Please give each person's work e-mail address, separated by commas.`);
  if (keys.length === 0 && people.length === 0) return refuse('audience', 'NO_AUDIENCE', 'Please choose who to send it to.');
  return {
    ok: true,
    value: {
      draftId,
      ...(sessionId ? { sessionId } : {}),
      text: text.value,
      audience: { eligible: keys.includes('eligible'), groups: keys.filter((key): key is AudienceGroup => key in AUDIENCE_GROUPS), people },
      values: { sessionId: sessionId ?? 'none', text: text.value, audience: keys.join(','), people: typed.join(', '), picked: picked.join(',') },
    },
  };
}

/** The compose card refuses one field at a time, under the broadcast's own code. */
function refuse(field: string, code: string, message: string): { ok: false; error: InvalidInputError } {
  return invalidInput('INVALID_BROADCAST', [problem(field, code, message)]);
}
