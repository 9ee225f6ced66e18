// The cross-engine suite (suite.mjs) in Debian's Chromium, driven by playwright-core.
import { suite } from './suite.mjs';

suite('chromium');
