import { z } from 'zod';

const idList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().uuid('must be a comma-separated list of Entra object ids (GUIDs)')));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** The Agents Playground's tenant (its default configuration; scripts/lib/playground.ts): one digit more than a GUID. */
export const AGENTS_PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** Checked on shape only: the Playground's tenant is not a strict GUID, and tests use short names. */
const tenantId = optionalText.pipe(
  z.string().regex(/^[0-9a-z][0-9a-z-]{2,63}$/i, "must be the council's Microsoft Entra tenant id (a GUID)").optional(),
);

const positiveInt = (fallback: number) =>
  z.coerce.number({ invalid_type_error: 'must be a whole number above 0' }).int('must be a whole number above 0').positive('must be a whole number above 0').default(fallback);

const schema = z.object({
  PORT: z.coerce
    .number({ invalid_type_error: 'must be a port number from 0 to 65535' })
    .int('must be a port number from 0 to 65535')
    .min(0, 'must be a port number from 0 to 65535')
    .max(65535, 'must be a port number from 0 to 65535')
    .default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** all: answers Teams and delivers; web: answers and queues only; worker: delivers only, serving /health (docs/scaling.md). */
  ROLE: z.enum(['all', 'web', 'worker'], { errorMap: () => ({ message: 'must be all, web or worker' }) }).default('all'),

  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  /** Azure has created no multi-tenant bots since 31 July 2025; the Bicep's bot is UserAssignedMSI. */
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** The council's tenant: only Teams activities from it are acted on. Required with BOT_ID; the Playground's otherwise. */
  TEAMS_TENANT_ID: tenantId,
  /** Where Bot Framework publishes its signing keys; tests point it at a local server. */
  BOT_OPENID_METADATA_URL: z.string().url().optional(),

  STORAGE_CONNECTION_STRING: optionalText,
  STORAGE_TABLE_ENDPOINT: z.string().url().optional(),
  STORAGE_QUEUE_ENDPOINT: z.string().url().optional(),
  /** The user-assigned managed identity's client id (Storage, and Graph's federated credential below). */
  AZURE_CLIENT_ID: optionalText,
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be letters and digits, starting with a letter, at most 20')
    .default('mentoring'),
  LOCAL_DATA_DIR: z.string().default('.data'),

  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com'),
  GRAPH_TENANT_ID: optionalText,
  /** The app Graph calls run as. Not AZURE_CLIENT_ID and no secret: that app, trusting the managed identity (docs/workspace.md). */
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  LOCAL_DIRECTORY_FILE: z.string().default('local/directory.json'),
  TEAMS_APP_ID: z.string().uuid('must be the Teams app id (a GUID)').optional(),
  /** Where proactive messages go for someone the bot has never talked to (installed through Graph). */
  TEAMS_SERVICE_URL: z.string().url().default('https://smba.trafficmanager.net/teams/'),

  /** Sessions (docs/sessions.md): the mailbox whose calendar holds every session's event; unset: no calendar events. */
  ORGANISER_MAILBOX: optionalText,
  /** Graph allows an app 4 concurrent requests per mailbox; with several instances give each floor(4 / instances). */
  GRAPH_MAILBOX_CONCURRENCY: z.coerce.number().int().min(1).max(4).default(4),
  SCHEME_CONFIG_FILE: z.string().default('config/scheme.json'),
  /** Overrides the cohort year in the scheme configuration file. */
  COHORT_YEAR: z.coerce.number().int().min(2000).max(2999).optional(),
  SESSION_REMINDER_HOURS_BEFORE: positiveInt(24),

  COORDINATOR_IDS: idList,
  GOVERNANCE_APPROVER_IDS: idList,
  APPROVAL_REMINDER_WORKING_DAYS: positiveInt(3),
  APPROVAL_ESCALATION_WORKING_DAYS: positiveInt(5),
  SCHEDULER_INTERVAL_SECONDS: positiveInt(300),
  WORKER_POLL_MS: positiveInt(500),
  OUTBOX_SWEEP_SECONDS: positiveInt(30),
  /** How long a message that cannot be delivered for a passing reason (no token, Teams down) is still tried. */
  DELIVERY_GIVE_UP_HOURS: z.coerce.number({ invalid_type_error: 'must be a number of hours above 0' }).positive('must be a number of hours above 0').default(72),
  /** Matching (docs/matching.md): what a matched mentor is given to call (report 4.6), and the matching policy. */
  LEAVING_CARE_DUTY_LINE: optionalText,
  SERVICE_MANAGER_NAME: optionalText,
  SERVICE_MANAGER_CONTACT: optionalText,
  MENTOR_MAX_ACTIVE_MATCHES: positiveInt(1),
  DBS_RENEW_AFTER_MONTHS: positiveInt(36),

  /** Broadcasts (docs/broadcasts.md): Entra groups whose members are "everyone eligible to mentor". */
  BROADCAST_GROUP_IDS: idList,
  /** Microsoft's per-app per-tenant limit (50 a second), shared by the running instances; tests raise it to run fast. */
  BROADCAST_TENANT_PER_SECOND: positiveInt(50),
  BROADCAST_CONCURRENCY: positiveInt(16),
  /** How long a recipient being sent is held before another worker may take over; longer than a send with its retries. */
  BROADCAST_CLAIM_SECONDS: positiveInt(120),
  /** How long a queue message a stopped worker took stays hidden before another worker gets it. */
  BROADCAST_VISIBILITY_SECONDS: positiveInt(30),
  BROADCAST_RETRY_BASE_MS: positiveInt(1000),
  BROADCAST_PROGRESS_MS: positiveInt(2000),
  /** Quarterly group supervision as JSON, e.g. {"weekOfQuarter":2,"weekday":"tuesday","startTime":"10:00"}; unset: off. */
  SUPERVISION_SCHEDULE: optionalText,
  /** Relationships (docs/relationship.md): who gets urgent concerns (Entra ids; the coordinators when unset), and the policy. */
  SUPPORT_DUTY_CONTACT_IDS: idList,
  SUPPORT_SERVICE_MANAGER_IDS: idList,
  CONCERN_RENOTIFY_MINUTES: positiveInt(15),
  COMMITMENT_NUDGE_DAYS: positiveInt(7),
  CLAIM_NOTE_ABOVE_PENCE: positiveInt(1500),
  CLAIM_MAX_PENCE: positiveInt(20000),
  /** Privacy (docs/privacy.md): the Data Protection Officer role, the retention schedule's overrides (JSON), SAR reminders. */
  DPO_IDS: idList,
  RETENTION_SCHEDULE: optionalText,
  SUBJECT_ACCESS_REMINDER_DAYS: positiveInt(7),
  /** The workspace tab (docs/workspace.md): the Entra app its single sign-on token is issued for; unset: local sign-in. */
  WORKSPACE_CLIENT_ID: z.string().uuid('must be the workspace app registration id (a GUID)').optional(),
  /** The app's Application ID URI (api://<domain>/<client id>); tokens for either it or the client id are accepted. */
  WORKSPACE_APP_ID_URI: optionalText,
  /** Where the tenant publishes its signing keys; default Entra's v2.0 metadata for TEAMS_TENANT_ID (tests point it at a local server). */
  WORKSPACE_OPENID_METADATA_URL: z.string().url().optional(),
  /** Where the built tab is served from (built there with Vite when missing). */
  WORKSPACE_TAB_DIR: z.string().default('dist/tab'),
});

export type Config = Omit<z.infer<typeof schema>, 'TEAMS_TENANT_ID'> & {
  readonly TEAMS_TENANT_ID: string;
  readonly mode: { storage: 'azure' | 'embedded'; directory: 'graph' | 'localFile'; auth: 'on' | 'off' };
};

export class ConfigError extends Error {}

/** Reads and checks the environment; a bad value stops start-up with one line naming it. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'configuration';
    throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const config = parsed.data;
  checkCombinations(config);
  return {
    ...config,
    TEAMS_TENANT_ID: config.TEAMS_TENANT_ID ?? AGENTS_PLAYGROUND_TENANT_ID,
    mode: {
      storage: config.STORAGE_CONNECTION_STRING || config.STORAGE_TABLE_ENDPOINT ? 'azure' : 'embedded',
      directory: config.GRAPH_CLIENT_ID || config.GRAPH_TENANT_ID ? 'graph' : 'localFile',
      auth: config.BOT_ID ? 'on' : 'off',
    },
  };
}

function checkCombinations(config: z.infer<typeof schema>): void {
  if (config.STORAGE_TABLE_ENDPOINT && !config.STORAGE_QUEUE_ENDPOINT) {
    throw new ConfigError('Configuration error: STORAGE_QUEUE_ENDPOINT is required with STORAGE_TABLE_ENDPOINT');
  }
  if (config.GRAPH_CLIENT_ID && !config.GRAPH_TENANT_ID) {
    throw new ConfigError('Configuration error: GRAPH_TENANT_ID is required with GRAPH_CLIENT_ID');
  }
  if (config.BOT_ID && config.BOT_TYPE !== 'UserAssignedMSI' && !config.BOT_PASSWORD) {
    throw new ConfigError('Configuration error: BOT_PASSWORD is required with BOT_ID unless BOT_TYPE is UserAssignedMSI');
  }
  if (config.BOT_TYPE === 'SingleTenant' && config.BOT_ID && !config.BOT_TENANT_ID) {
    throw new ConfigError('Configuration error: BOT_TENANT_ID is required when BOT_TYPE is SingleTenant');
  }
  if (config.WORKSPACE_CLIENT_ID && !config.TEAMS_TENANT_ID) {
    throw new ConfigError("Configuration error: TEAMS_TENANT_ID is required with WORKSPACE_CLIENT_ID (the tenant whose tokens the workspace accepts)");
  }
  if (config.BOT_ID && !config.TEAMS_TENANT_ID) {
    throw new ConfigError("Configuration error: TEAMS_TENANT_ID is required with BOT_ID (the council's Microsoft Entra tenant id)");
  }
}
