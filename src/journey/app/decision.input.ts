import { z } from 'zod';
import type { Decision } from '../domain/index.js';
import { boundedText, parseWith, type ParseResult } from '../../platform/app/text-input.js';

export interface DecisionInput {
  readonly mentorId: string;
  readonly approvalId: string;
  readonly decision: Decision;
  readonly reason?: string;
}

const id = z.string().min(1).max(200);

const decisionSchema = z.object({
  mentorId: id,
  approvalId: id,
  decision: z.enum(['approve', 'decline'], { errorMap: () => ({ message: 'The decision must be approve or decline.' }) }),
  reason: z.string().optional(),
});

const reasonSchema = boundedText('The reason', 500);

export function parseDecision(input: unknown): ParseResult<DecisionInput> {
  const parsed = parseWith(decisionSchema, input);
  if (!parsed.ok) return { ok: false, message: 'This card could not be read. Please use the latest card in your chat.' };
  const { mentorId, approvalId, decision, reason } = parsed.value;
  if (decision === 'approve' || !reason?.trim()) return { ok: true, value: { mentorId, approvalId, decision } };
  const parsedReason = parseWith(reasonSchema, reason);
  if (!parsedReason.ok) return parsedReason;
  return { ok: true, value: { mentorId, approvalId, decision, reason: parsedReason.value } };
}

const refSchema = z.object({ mentorId: id, approvalId: id });

export function parseApprovalRef(input: unknown): ParseResult<{ mentorId: string; approvalId: string }> {
  const parsed = parseWith(refSchema, input);
  return parsed.ok ? parsed : { ok: false, message: 'This card could not be read. Please use the latest card in your chat.' };
}
