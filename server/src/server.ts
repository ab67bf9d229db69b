// Starts the app and the device listener, and shuts both down gracefully on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.ts';
import { buildApp } from './build-app.ts';
import { buildDeviceListener } from './ingest/device-listener.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp({ config });
  const devices = buildDeviceListener(app.ingest, (err) => app.log.error({ err }, 'device listener'));
  await app.listen({ port: config.port, host: config.host });
  await devices.listen({ port: config.osmandPort, host: config.host });
  app.log.info(`device listener (OsmAnd/Traccar Client) on ${config.host}:${config.osmandPort}`);
  if (config.demo) app.log.info(`demo: open http://localhost:${config.port}/wall — accounts admin/dispatcher/leader/wall, password ${config.demoPassword === 'zmd-demo' ? 'zmd-demo' : '(DEMO_PASSWORD)'}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await devices.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
