#!/usr/bin/env node
// The zonedesk CLI. Sources are TypeScript, run through tsx's loader (no separate server build).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
