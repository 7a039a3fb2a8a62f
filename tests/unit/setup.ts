import fc from 'fast-check';

/**
 * Property tests stop at a time budget well inside the test timeout, so a busy machine
 * runs fewer cases instead of failing: each case still asserts all it did. The number
 * of runs each test asks for stays its upper bound.
 */
fc.configureGlobal({ interruptAfterTimeLimit: 2_000, markInterruptAsFailure: false });
