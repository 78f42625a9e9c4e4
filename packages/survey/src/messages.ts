/**
 * Every statistical caution the survey analyses can put in `result.warnings`, in one place
 * (English; the CLI and notebook translate or show them as they are).
 */
export const messages = {
  smallSample: (what: string, n: number, min: number): string =>
    `${what}: only ${n} respondent${n === 1 ? '' : 's'} (fewer than ${min}); the normal approximation of the interval is unreliable`,
  noRespondents: (what: string): string => `${what}: no valid respondent; every statistic is NaN`,
  degenerateNps: (share: string): string =>
    `all valid answers are ${share}: the multinomial variance is 0 and the interval has no width; it does not mean the score is known exactly`,
  npsClipped: (lo: number, hi: number): string =>
    `the normal-approximation interval [${lo.toFixed(2)}, ${hi.toFixed(2)}] went beyond the NPS range and was clipped to [-100, 100]`,
  invalidExcluded: (n: number, reason: string): string =>
    `${n} value${n === 1 ? '' : 's'} set aside as ${reason} (invalid: "exclude"); check the data or the declared scale`,
  ipaTie: (name: string, axis: string): string =>
    `"${name}" lies exactly on the ${axis} cutoff; it was classed as high on that axis (rule: at or above the cutoff is high)`,
  ipaZeroSpread: (axis: string): string =>
    `every attribute has the same ${axis}: the ${axis} term of the priority score uses a spread of 1`,
  ipaMidpointDerived:
    'cutoff "midpoint" applies to the rating scale; derived or supplied importance is not on that scale, so its cutoff is the mean of the importance values',
  ipaFewAttributes: (n: number): string => `only ${n} attribute${n === 1 ? '' : 's'}: quadrants based on the mean or median of so few points say little`,
  ipaUncertain: (names: string[]): string =>
    `quadrant uncertain for ${names.map((x) => `"${x}"`).join(', ')}: a confidence interval crosses a cutoff`,
  ipaCutoffFixed:
    'confidence intervals ignore the sampling error of the cutoffs themselves (the mean or median of the attribute means is treated as fixed)',
  zeroCellRiskRatio: (group: string): string =>
    `${group}: a group with no leaver or no respondent makes the Katz log interval undefined (NaN); no continuity correction was applied`,
  noDissatisfied: (group: string): string => `${group}: no dissatisfied respondent, so attrition among the dissatisfied and the risk ratio are undefined`,
  noSatisfied: (group: string): string => `${group}: no satisfied respondent, so attrition among the satisfied and the risk ratio are undefined`,
  ruleOfThumbUndefined: (group: string): string =>
    `${group}: the ratio of attrition to dissatisfaction is undefined (a rate is 0), so the 2x rule cannot be tested`,
  lowExpected: (group: string, min: number): string =>
    `${group}: a 2x2 cell has fewer than ${min} respondents; the Katz log interval is approximate`,
  ltvRetentionTooHigh: 'with an infinite horizon the lifetime value is infinite unless retention < 1 + discount rate',
  roiWholeCustomers: 'counts were rounded down to whole customers before the amounts were computed',
  mirrorSmall: (name: string, side: string, n: number): string =>
    `"${name}": only ${n} ${side} rating${n === 1 ? '' : 's'}; Welch's test needs at least 2 per side`,
  mirrorZeroVariance: (name: string): string => `"${name}": both sides have zero variance; the t statistic is undefined`,
  mysteryNoApplicable: (visit: string): string => `visit "${visit}": no applicable criterion (all N/A); its score is NaN`,
  mysteryMissingCriterion: (visit: string, ids: string[]): string =>
    `visit "${visit}": no answer for ${ids.map((x) => `"${x}"`).join(', ')}; counted as not applicable`,
} as const;
