// The time a module stamps its records with, passed in rather than read from the global clock, so a test fixes it
// (and moves it on between two writes) without sleeping or faking the global timers.
import type { Millis } from './types.ts';

/** Reads the current time. */
export type Clock = () => Millis;

/** The real clock: every caller but a test. */
export const systemClock: Clock = () => Date.now();
