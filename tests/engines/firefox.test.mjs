// The cross-engine suite (suite.mjs) in Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
import { suite } from './suite.mjs';

suite('firefox');
