// Runs the CLI from source (for tests that spawn it): node --import tsx test/run-cli.ts [flags]
import { main } from '../src/node/cli.js';

await main();
