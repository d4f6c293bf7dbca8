import { z } from 'zod';
import type { Decision } from '../domain/index.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { parseWith } from '../../platform/app/text-input.js';
import { invalidInput, problem, type InputResult } from '../../platform/kernel/validation/index.js';

export interface DecisionInput {
  readonly mentorId: string;
  readonly approvalId: string;
  readonly decision: Decision;
  readonly reason?: string;
}

const UNREADABLE = 'This card could not be read. Please use the latest card in your chat.';

const id = z.string().min(1).max(200);

const decisionSchema = z.object({
  mentorId: id,
  approvalId: id,
  decision: z.enum(['approve', 'decline']),
  reason: z.unknown().optional(),
});

/** A decision from the approval card. A reason that shows nothing is no reason: the decision then asks for one. */
export function parseDecision(input: unknown): InputResult<DecisionInput> {
  const parsed = parseWith(decisionSchema, input, UNREADABLE);
  if (!parsed.ok) return parsed;
  const { mentorId, approvalId, decision } = parsed.value;
  if (decision === 'approve') return { ok: true, value: { mentorId, approvalId, decision } };
  const reason = checkFreeText(parsed.value.reason, { label: 'The reason', max: 500, multiline: true });
  if (!reason.ok) return invalidInput('INVALID_DECISION', [problem('reason', reason.error.code, reason.error.message)]);
  return { ok: true, value: { mentorId, approvalId, decision, ...(reason.value ? { reason: reason.value } : {}) } };
}

const refSchema = z.object({ mentorId: id, approvalId: id });

export function parseApprovalRef(input: unknown): InputResult<{ mentorId: string; approvalId: string }> {
  return parseWith(refSchema, input, UNREADABLE);
}
