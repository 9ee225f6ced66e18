// The cross-engine suite (suite.mjs) in WebKitGTK, Safari's engine, driven by selenium-webdriver through WebKitWebDriver (under xvfb-run).
import { suite } from './suite.mjs';

suite('webkit');
