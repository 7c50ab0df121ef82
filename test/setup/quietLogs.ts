// Tests keep the main-process log to warnings on stderr and write no log file,
// so a passing run prints only what vitest says.
import { useQuietConsoleLogging } from '../../src/main/logger';

useQuietConsoleLogging();
