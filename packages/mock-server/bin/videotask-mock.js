#!/usr/bin/env node
// The `videotask-mock` command (built code: run `pnpm --filter @videotask/mock-server build` first in a clone).
import { main } from '../dist/cli.js';

await main();
