import { journeyFeature } from '../../src/journey/journey.feature.js';
import { broadcastFeature } from '../../src/broadcast/broadcast.feature.js';
import { startBot } from '../../src/main.js';

/** The bot with the broadcast feature in a process of its own, so a test can kill it outright (SIGKILL). */
const env = JSON.parse(process.env.BROADCAST_CHILD_ENV ?? '{}') as Record<string, string>;
const bot = await startBot(env, { features: [journeyFeature, broadcastFeature] });
process.stdout.write(`ready ${bot.port}\n`);
