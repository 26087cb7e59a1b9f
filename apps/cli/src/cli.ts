// Entry point of the bundled CLI (dist/routeplane.mjs): runs the command line and sets the exit code.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
