// The catalog key for each value of the domain's enums. Written out, so every key the code uses appears in it
// literally (a search finds its uses, the unused-key test sees it) and tsc checks each against the English catalog;
// `satisfies Record<…>` makes a new enum value a compile error until it has its words.
import type { Stage } from '../../core/trust.ts';
import type { FlagKind, PaymentStatus, Reliability, Site, WouldWorkAgain } from '../../core/types.ts';
import type { MessageKey } from './catalog.ts';

export const STAGE_KEYS = {
  connected: 'stage_connected',
  acquainted: 'stage_acquainted',
  tested: 'stage_tested',
  proven: 'stage_proven',
  ambassador: 'stage_ambassador',
  caution: 'stage_caution',
} as const satisfies Record<Stage, MessageKey>;

export const SITE_KEYS = {
  linkedin: 'options_site_linkedin',
  github: 'options_site_github',
  gitlab: 'options_site_gitlab',
  x: 'options_site_x',
  mastodon: 'options_site_mastodon',
  stackoverflow: 'options_site_stackoverflow',
  behance: 'options_site_behance',
  dribbble: 'options_site_dribbble',
} as const satisfies Record<Site, MessageKey>;

/** The flag's short name, for lists and filters. */
export const FLAG_SHORT_KEYS = {
  dormant: 'options_flag_short_dormant',
  stalled: 'options_flag_short_stalled',
  paymentOverdue: 'options_flag_short_paymentOverdue',
  followUpDue: 'options_flag_short_followUpDue',
} as const satisfies Record<FlagKind, MessageKey>;

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
