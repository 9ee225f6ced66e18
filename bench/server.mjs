// The static server for the load figures, in a process of its own: in the same
// process as the Chromium driver, each response waited on the driver's own work
// (the DevTools protocol's events for every request), which is not the widget's.
// Prints its address on stdout, then serves until killed.
import { serve } from '../tests/e2e/support.mjs';

const server = await serve();
process.stdout.write(server.url + '\n');
