import { ok } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';

/** Short feedback at the end of a match, from each side: how it went, and whether they would do it again. */
export const HOW_IT_WENT = ['wentWell', 'mixed', 'didNotGoWell'] as const;
export type HowItWent = (typeof HOW_IT_WENT)[number];
export const AGAIN = ['yes', 'maybe', 'no'] as const;
export type Again = (typeof AGAIN)[number];

/** The mentor's own, or the young person's as their key adult passed it to the coordinator. */
export type FeedbackSide = 'mentor' | 'youngPerson';

export interface Feedback {
  readonly howItWent: HowItWent;
  readonly again: Again;
  readonly comment: string;
}

export const FEEDBACK_COMMENT_MAX = 300;

export interface FeedbackProblem {
  readonly field: 'howItWent' | 'again' | 'comment';
  readonly message: string;
}

export type FeedbackResult = { readonly ok: true; readonly value: Feedback } | { readonly ok: false; readonly problems: readonly FeedbackProblem[] };

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** The feedback form, every problem at once. */
export function parseFeedback(input: Readonly<Record<string, unknown>>, side: FeedbackSide): FeedbackResult {
  const problems: FeedbackProblem[] = [];
  if (!isOneOf(HOW_IT_WENT, input.howItWent)) problems.push({ field: 'howItWent', message: 'Please say how the match went.' });
  if (!isOneOf(AGAIN, input.again)) {
    problems.push({ field: 'again', message: side === 'mentor' ? 'Please say whether you would mentor again.' : 'Please say whether they would like a mentor again.' });
  }
  const comment = checkFreeText(input.comment, { label: 'the comment', max: FEEDBACK_COMMENT_MAX, multiline: true });
  if (!comment.ok) problems.push({ field: 'comment', message: comment.error.message });
  if (problems.length || !isOneOf(HOW_IT_WENT, input.howItWent) || !isOneOf(AGAIN, input.again) || !comment.ok) return { ok: false, problems };
  return ok({ howItWent: input.howItWent, again: input.again, comment: comment.value });
}
