// Every rule of DOMAIN.md §4.2, one per file, in table order.
import type { Rule } from '../rule';
import { annualBonusCancel } from './annual.bonus-cancel';
import { annualDemote } from './annual.demote';
import { annualDismiss } from './annual.dismiss';
import { annualExcellentQuota } from './annual.excellent-quota';
import { annualExcellentReward } from './annual.excellent-reward';
import { annualGradeConflict } from './annual.grade-conflict';
import { annualMerit3 } from './annual.merit3';
import { deductionFault } from './deduction.fault';
import { placeBottomThirdLong } from './place.bottom-third-long';
import { probationNotImproved } from './probation.not-improved';
import { probationReviewDue } from './probation.review-due';
import { promoteCandidate } from './promote.candidate';
import { raiseTopThirdStreak } from './raise.top-third-streak';
import { rehabCheckinDue } from './rehab.checkin-due';
import { rehabReascend } from './rehab.reascend';
import { sanctionNoHonours } from './sanction.no-honours';
import { sanctionNoPromotion } from './sanction.no-promotion';
import { sanctionReleaseDue } from './sanction.release-due';
import { sanctionSalaryDeduction } from './sanction.salary-deduction';
import { teamLowRanking } from './team.low-ranking';
import { trialReview } from './trial.review';
import { warnBottomThirdStreak } from './warn.bottom-third-streak';

export const rules: readonly Rule[] = [
  raiseTopThirdStreak,
  warnBottomThirdStreak,
  placeBottomThirdLong,
  teamLowRanking,
  probationReviewDue,
  probationNotImproved,
  trialReview,
  sanctionSalaryDeduction,
  sanctionNoPromotion,
  sanctionNoHonours,
  sanctionReleaseDue,
  deductionFault,
  annualExcellentReward,
  annualMerit3,
  annualBonusCancel,
  annualDemote,
  annualDismiss,
  annualGradeConflict,
  annualExcellentQuota,
  promoteCandidate,
  rehabReascend,
  rehabCheckinDue,
];
