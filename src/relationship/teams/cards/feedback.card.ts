import { card, execute, facts, foldedList, formatDate, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { choiceInput, textInput } from '../../../platform/teams/cards/form-inputs.js';
import { MATCH_END_REASON_TITLES } from '../../../matching/domain/index.js';
import { AGAIN, FEEDBACK_COMMENT_MAX, HOW_IT_WENT, type Again, type FeedbackProblem, type FeedbackSide, type HowItWent } from '../../domain/index.js';
import type { FeedbackReportRow } from '../../app/feedback.js';
import type { RecordedFeedback } from '../../app/relationship-ports.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';

const HOW_TITLES: Record<HowItWent, string> = { wentWell: 'It went well', mixed: 'Mixed', didNotGoWell: 'It did not go well' };
const AGAIN_TITLES: Record<Again, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };

export interface FeedbackFormView {
  readonly matchId: string;
  readonly side: FeedbackSide;
  readonly mentorName: string;
  readonly youngPersonName?: string;
  readonly keyAdultName?: string;
  readonly values?: Readonly<Record<string, unknown>>;
  readonly problems?: readonly FeedbackProblem[];
}

/** Two questions and an optional comment: the mentor's own, or the young person's as their key adult passes it on. */
export function feedbackFormCard(view: FeedbackFormView): AdaptiveCardJson {
  const typed = (id: string): string | undefined => (typeof view.values?.[id] === 'string' ? (view.values[id] as string) : undefined);
  const problem = (field: FeedbackProblem['field']): CardElement[] => {
    const found = view.problems?.find((each) => each.field === field);
    return found ? [text(found.message, { color: 'Attention', weight: 'Bolder' })] : [];
  };
  const mentor = view.side === 'mentor';
  const young = view.youngPersonName ?? 'the young person';
  return card(
    [
      heading(mentor ? 'How did your match go?' : `${young}'s feedback on the match`),
      text(
        mentor
          ? 'Your match has ended. Two quick questions help the scheme learn; only the coordinators read your answers.'
          : `Ask ${view.keyAdultName ?? 'their key adult'} to pass on how ${young} found the match with ${view.mentorName}, then record it here.`,
      ),
      ...(view.problems?.length ? [text('Please check the form: nothing is saved yet.', { color: 'Attention', weight: 'Bolder' })] : []),
      choiceInput('howItWent', 'How did it go?', HOW_IT_WENT, typed('howItWent'), { expanded: true, required: true, titles: HOW_TITLES }),
      ...problem('howItWent'),
      choiceInput('again', mentor ? 'Would you mentor again?' : 'Would they like a mentor again?', AGAIN, typed('again'), { expanded: true, required: true, titles: AGAIN_TITLES }),
      ...problem('again'),
      textInput('comment', 'Anything else (optional)', typed('comment'), FEEDBACK_COMMENT_MAX, { multiline: true, required: false }),
      text("Please do not write details of the young person's life.", { subtle: true }),
      ...problem('comment'),
    ],
    [execute('Send feedback', RELATIONSHIP_VERBS.giveFeedback, { matchId: view.matchId }, 'positive')],
  );
}

export function feedbackThanksCard(view: { side: FeedbackSide; repeated: boolean }): AdaptiveCardJson {
  return card([
    heading(view.repeated ? 'Feedback already recorded' : 'Thank you'),
    text(view.repeated ? 'This feedback was recorded already; nothing has changed.' : view.side === 'mentor' ? 'Your feedback is recorded for the coordinators.' : "The young person's feedback is recorded."),
  ]);
}

function answer(feedback: RecordedFeedback | undefined): string {
  if (!feedback) return 'not given yet';
  return `${HOW_TITLES[feedback.howItWent]}; again: ${AGAIN_TITLES[feedback.again].toLowerCase()}${feedback.comment ? `. "${feedback.comment}"` : ''}`;
}

/** Ended matches shown before the rest fold away: a phone screen's worth. */
const FEEDBACK_SHOWN = 4;

/** The coordinator's report ("feedback"): ended matches, newest first, the first ten here; the workspace holds the rest. */
export function feedbackReportCard(rows: readonly FeedbackReportRow[]): AdaptiveCardJson {
  const shown = rows.slice(0, 10);
  const body: CardElement[] = [heading('Feedback on ended matches'), text(rows.length ? `${rows.length} ended, newest first.` : 'No match has ended yet.')];
  const entries = shown.map((row): CardElement => ({
    type: 'Container',
    spacing: 'Medium',
    items: [
      text(`${row.mentorName}, ended ${formatDate(row.endedAt)}: ${MATCH_END_REASON_TITLES[row.reason]}`, { weight: 'Bolder' }),
      facts([
        ['Mentor', answer(row.feedback.mentor)],
        ['Young person', answer(row.feedback.youngPerson)],
      ]),
    ],
  }));
  body.push(...foldedList('feedbackRows', entries, FEEDBACK_SHOWN, 'more ended matches'));
  if (rows.length > shown.length) body.push(text(`and ${rows.length - shown.length} more in the coordinator's workspace.`, { subtle: true }));
  return card(body);
}
