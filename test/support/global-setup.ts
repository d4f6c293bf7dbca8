import type { TestProject } from 'vitest/node';
import { startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

/** One Azurite (tables and queues, in memory) for the whole run; each test file uses its own table prefix. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startEmbeddedAzurite();
  project.provide('storageConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
