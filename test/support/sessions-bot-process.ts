/**
 * A second bot process for tests that need two instances on one storage account: `tsx` runs this with the environment
 * of the first (same STORAGE_CONNECTION_STRING and TABLE_PREFIX); it prints {"port":…} once it listens and stops on
 * SIGTERM. GRAPH_TEST_TOKEN is the token the Graph stand-in expects; BOT_PROCESS_WORKER=off leaves the effect worker off.
 */
import { journeyFeature } from '../../src/journey/journey.feature.js';
import { startBot } from '../../src/main.js';
import { sessionsFeature } from '../../src/sessions/sessions.feature.js';

const token = process.env.GRAPH_TEST_TOKEN ?? '';
const running = await startBot(process.env, { graphAccessToken: async () => token, features: [journeyFeature, sessionsFeature], startWorker: process.env.BOT_PROCESS_WORKER !== 'off' });
process.stdout.write(`${JSON.stringify({ port: running.port })}\n`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
