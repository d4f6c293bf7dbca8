/**
 * `npm run dev [-- --as <who>] [--port 3978] [--playground-port 56150]`
 *
 * Starts the bot in local mode (embedded Azurite, local/directory.json; no Azure or Graph settings are passed on)
 * and the Microsoft 365 Agents Playground pointed at it, waits for both, and prints the address to open.
 * `--as` chooses who you are in the Playground: senior (default), manager, councillor, coordinator, approver,
 * an Entra object id or part of a name from local/directory.json. Ctrl-C stops both.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { playgroundConfig, pickPerson, readLocalDirectory, startPlayground, type RunningPlayground } from './lib/playground.js';
import { startGroup, stopGroup, waitForPort } from './lib/processes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Settings that would take the bot out of local mode; `npm run dev` is always local. */
const CLOUD_SETTINGS = [
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TENANT_ID',
  'BOT_TYPE',
  'TEAMS_TENANT_ID',
  'STORAGE_CONNECTION_STRING',
  'STORAGE_TABLE_ENDPOINT',
  'STORAGE_QUEUE_ENDPOINT',
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
];

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      as: { type: 'string' },
      port: { type: 'string', default: process.env['PORT'] ?? '3978' },
      'playground-port': { type: 'string', default: process.env['TEAMSAPPTESTER_PORT'] ?? '56150' },
    },
  });
  const port = Number(args.port);
  const playgroundPort = Number(args['playground-port']);

  const directoryFile = join(root, process.env['LOCAL_DIRECTORY_FILE'] ?? 'local/directory.json');
  const directory = existsSync(directoryFile) ? readLocalDirectory(directoryFile) : undefined;
  const me = directory ? pickPerson(directory, args.as) : undefined;

  const botEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const name of CLOUD_SETTINGS) delete botEnv[name];
  console.log(`Starting the bot in local mode on port ${port} ...`);
  const bot = startGroup('npm', ['start', '--silent'], { cwd: root, env: botEnv, stdio: 'inherit' });

  let playground: RunningPlayground | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the Playground and the bot ...');
    await Promise.all([playground?.stop(), stopGroup(bot)]);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  bot.once('exit', (code) => {
    if (!stopping) {
      console.error(`The bot stopped (exit code ${code ?? 'signal'}).`);
      void stopAll(code || 1);
    }
  });

  try {
    await waitForPort(port, { child: bot, name: 'The bot', timeoutMs: 120_000 });
    playground = await startPlayground({
      root,
      botEndpoint: `http://127.0.0.1:${port}/api/messages`,
      port: playgroundPort,
      ...(directory && me ? { config: playgroundConfig(directory, me) } : {}),
      output: 'ignore',
    });
  } catch (error) {
    console.error((error as Error).message);
    await stopAll(1);
    return 1;
  }
  playground.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`The Agents Playground stopped (exit code ${code ?? 'signal'}).`);
      void stopAll(code || 1);
    }
  });

  const who = me ? `${me.name}${me.jobTitle ? `, ${me.jobTitle}` : ''}` : "the Playground's default user";
  console.log(
    [
      '',
      `  Bot:        http://127.0.0.1:${port}/api/messages (local mode)`,
      `  Playground: ${playground.url}   <- open this in a browser`,
      `  You are:    ${who}`,
      '',
      '  Type "help" in the chat. To be someone else: npm run dev -- --as manager | councillor | coordinator | approver',
      '  Ctrl-C stops both.',
      '',
    ].join('\n'),
  );
  return 0;
}

void main();
