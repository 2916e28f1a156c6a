#!/usr/bin/env node
// The `videotask-drift` command (built code: run `pnpm --filter @videotask/drift build` first in a clone).
import { main } from '../dist/cli.js';

process.exitCode = await main();
