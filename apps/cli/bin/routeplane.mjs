#!/usr/bin/env node
// The routeplane command: the bundled CLI, or its sources when the bundle is stale (see launch.mjs).
import { launch } from './launch.mjs';

await launch('routeplane', 'cli.ts');
