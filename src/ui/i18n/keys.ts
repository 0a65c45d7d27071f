// The catalog key for each value of the domain's enums that more than one module shows. Written out, so every key
// the code uses appears in it literally (test/unit/locales/locales.test.ts finds each key's use), and tsc checks each
// against the English catalog; `satisfies Record<…>` makes a new enum value a compile error until it has its words.
// A map that one module alone uses sits in that module.
import type { ReasonCode, Stage, StepCode } from '../../core/trust.ts';
import type {
  Direction,
  FlagKind,
  PaymentStatus,
  Reliability,
  Site,
  WorkKind,
  WorkStatus,
  WouldWorkAgain,
} from '../../core/types.ts';
import type { MessageKey } from './catalog.ts';

export const STAGE_KEYS = {
  acquainted: 'stage_acquainted',
  ambassador: 'stage_ambassador',
  caution: 'stage_caution',
  connected: 'stage_connected',
  proven: 'stage_proven',
  tested: 'stage_tested',
} as const satisfies Record<Stage, MessageKey>;

export const SITE_KEYS = {
  linkedin: 'options_site_linkedin',
  github: 'options_site_github',
  x: 'options_site_x',
  gitlab: 'options_site_gitlab',
  stackoverflow: 'options_site_stackoverflow',
  mastodon: 'options_site_mastodon',
  behance: 'options_site_behance',
  dribbble: 'options_site_dribbble',
} as const satisfies Record<Site, MessageKey>;

/** The flag's short name, for lists and filters. */
export const FLAG_SHORT_KEYS = {
  stalled: 'options_flag_short_stalled',
  paymentOverdue: 'options_flag_short_paymentOverdue',
  followUpDue: 'options_flag_short_followUpDue',
  vouchWithoutWork: 'options_flag_short_vouchWithoutWork',
} as const satisfies Record<FlagKind, MessageKey>;

export const WORK_KIND_KEYS = {
  smallTask: 'ui_work_kind_smallTask',
  trial: 'ui_work_kind_trial',
  freeSampleGiven: 'ui_work_kind_freeSampleGiven',
  freeSampleReceived: 'ui_work_kind_freeSampleReceived',
  volunteer: 'ui_work_kind_volunteer',
  consultation: 'ui_work_kind_consultation',
  paidProject: 'ui_work_kind_paidProject',
  longEngagement: 'ui_work_kind_longEngagement',
  referralGiven: 'ui_work_kind_referralGiven',
  referralReceived: 'ui_work_kind_referralReceived',
} as const satisfies Record<WorkKind, MessageKey>;

export const DIRECTION_KEYS = {
  theyDelivered: 'ui_work_direction_theyDelivered',
  iDelivered: 'ui_work_direction_iDelivered',
  together: 'ui_work_direction_together',
} as const satisfies Record<Direction, MessageKey>;

export const STATUS_KEYS = {
  planned: 'ui_work_status_planned',
  inProgress: 'ui_work_status_inProgress',
  done: 'ui_work_status_done',
  abandoned: 'ui_work_status_abandoned',
} as const satisfies Record<WorkStatus, MessageKey>;

export const RELIABILITY_KEYS = {
  onTime: 'ui_work_reliability_onTime',
  late: 'ui_work_reliability_late',
  missed: 'ui_work_reliability_missed',
} as const satisfies Record<Reliability, MessageKey>;

export const PAYMENT_KEYS = {
  pending: 'ui_work_payment_pending',
  onTime: 'ui_work_payment_onTime',
  late: 'ui_work_payment_late',
  unpaid: 'ui_work_payment_unpaid',
} as const satisfies Record<PaymentStatus, MessageKey>;

export const AGAIN_KEYS = {
  yes: 'ui_work_again_yes',
  no: 'ui_work_again_no',
  unsure: 'ui_work_again_unsure',
} as const satisfies Record<WouldWorkAgain, MessageKey>;

/** Why a stage, a trust direction or a verdict is what it is. */
export const REASON_KEYS = {
  goodPaidWork: 'trust_reason_goodPaidWork',
  metNoWork: 'trust_reason_metNoWork',
  missedDelivery: 'trust_reason_missedDelivery',
  neverSeenTheirWork: 'trust_reason_neverSeenTheirWork',
  noGoodWorkYet: 'trust_reason_noGoodWorkYet',
  noWorkSeen: 'trust_reason_noWorkSeen',
  nothingShared: 'trust_reason_nothingShared',
  oneGoodTest: 'trust_reason_oneGoodTest',
  onlyTheySawMyWork: 'trust_reason_onlyTheySawMyWork',
  poorQuality: 'trust_reason_poorQuality',
  recommendedMe: 'trust_reason_recommendedMe',
  repeatedGoodTests: 'trust_reason_repeatedGoodTests',
  talkedNoWork: 'trust_reason_talkedNoWork',
  theyRecommendedMe: 'trust_reason_theyRecommendedMe',
  unpaid: 'trust_reason_unpaid',
  vouchedAfterProof: 'trust_reason_vouchedAfterProof',
  workAbandoned: 'trust_reason_workAbandoned',
  workNotFinished: 'trust_reason_workNotFinished',
  wouldNotWorkAgain: 'trust_reason_wouldNotWorkAgain',
} as const satisfies Record<ReasonCode, MessageKey>;

/** A next step, or a chore a flag asks for. */
export const STEP_KEYS = {
  confirmPlannedWork: 'step_confirmPlannedWork',
  finishPlannedWork: 'step_finishPlannedWork',
  offerFreeSample: 'step_offerFreeSample',
  offerShortConsultation: 'step_offerShortConsultation',
  proposeSmallPaidTrial: 'step_proposeSmallPaidTrial',
  proposeSmallTask: 'step_proposeSmallTask',
  recordWorkTogether: 'step_recordWorkTogether',
  reschedulePlannedWork: 'step_reschedulePlannedWork',
  sendPoliteReminder: 'step_sendPoliteReminder',
  volunteerTogether: 'step_volunteerTogether',
} as const satisfies Record<StepCode, MessageKey>;
