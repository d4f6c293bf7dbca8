import { z } from 'zod';
import type { SessionSummary } from '../app/broadcast.js';

/** A stored session summary: the session a broadcast invites to, and a quarter's supervision session. */
export const sessionSummarySchema: z.ZodType<SessionSummary> = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  where: z.string(),
  answer: z.enum(['book', 'rsvp']),
});
