/** Reads the environment, opens the database (migrating and seeding an empty one) and listens. */
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

try {
  const config = loadConfig();
  await startServer(config);
} catch (err) {
  if (err instanceof ConfigError || ['DirLockedError', 'StartupError'].includes((err as Error).name)) {
    console.error((err as Error).message);
    process.exit(1);
  }
  throw err;
}
