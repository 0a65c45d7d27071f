// Every explanation the trust domain gives is a code, never prose: the UI turns a code into text through the
// `_locales` keys `trust_reason_<code>`, `step_<code>` and `flag_<kind>`. The arrays exist so a test can check that
// both locales carry every key.

export const REASON_CODES = [
  // Ladder stages.
  'nothingShared',
  'metNoWork',
  'talkedNoWork',
  'noGoodWorkYet',
  'oneGoodTest',
  'goodPaidWork',
  'repeatedGoodTests',
  'recommendedMe',
  'vouchedAfterProof',
  // Serious negatives (caution, negative trust, no vouch), in the order product.md lists them.
  'unpaid',
  'missedDelivery',
  'poorQuality',
  'wouldNotWorkAgain',
  // One trust direction, and vouch readiness.
  'noWorkSeen',
  'workNotFinished',
  'workAbandoned',
  'neverSeenTheirWork',
  'onlyTheySawMyWork',
  // Their trust in me from a recommendation they wrote.
  'theyRecommendedMe',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Next steps from the essay, plus the chores a flag asks for. */
export const STEP_CODES = [
  'proposeSmallTask',
  'offerFreeSample',
  'offerShortConsultation',
  'volunteerTogether',
  'proposeSmallPaidTrial',
  'finishPlannedWork',
  'sendPoliteReminder',
  'confirmPlannedWork',
  'reschedulePlannedWork',
  'recordWorkTogether',
] as const;

export type StepCode = (typeof STEP_CODES)[number];
