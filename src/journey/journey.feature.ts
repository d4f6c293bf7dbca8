import type { FeatureFactory } from '../platform/feature.js';
import { tellApplicantApproverUnreachable } from './app/approver-unreachable.js';
import { followUpApprovals } from './app/follow-up-approvals.js';
import { MENTORS_TABLE, sharedJourney } from './shared-journey.js';
import { approvalNotifiers } from './teams/approval.notifications.js';
import { journeyRoutes } from './teams/journey.routes.js';

/**
 * Sign-up and approval: help, status, the sign-up form, the approver's card, the welcome on install; reminders and
 * escalation of requests left waiting (APPROVAL_REMINDER_WORKING_DAYS, APPROVAL_ESCALATION_WORKING_DAYS).
 */
export const journeyFeature: FeatureFactory = async (context) => {
  const { config, log } = context;
  const journey = await sharedJourney(context);
  const followUp = { reminderAfterWorkingDays: config.APPROVAL_REMINDER_WORKING_DAYS, escalationAfterWorkingDays: config.APPROVAL_ESCALATION_WORKING_DAYS };
  return {
    routes: (routes) => journeyRoutes(routes, { journey, log, undelivered: context.undelivered }),
    notifiers: approvalNotifiers(journey.mentors, journey.directory),
    outboxTables: [await context.openTable(MENTORS_TABLE)],
    giveUpFollowUp: tellApplicantApproverUnreachable,
    jobs: [{ name: 'approvalFollowUp', everyMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, run: () => followUpApprovals(journey, followUp) }],
  };
};
