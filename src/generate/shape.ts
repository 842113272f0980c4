/** The shape of the generated business: source quality, step rates, stage times. */
/** Source quality: share of targeted leads and the lead → meeting multiplier. */
export const SOURCE_QUALITY = [
  { weight: 0.15, targeted: 0.9, meeting: 1.5 },
  { weight: 0.35, targeted: 0.75, meeting: 1.1 },
  { weight: 0.3, targeted: 0.6, meeting: 0.9 },
  { weight: 0.2, targeted: 0.45, meeting: 0.55 },
];
/** Step rates: lead → meeting (before source and targeting), meeting → proposal, proposal → paid. */
export const STEP = [0, 0.62, 0.6, 0.6];
/** Mean days spent before entering each stage. */
export const STAGE_DAYS = [0, 3, 4, 8];
/** Share of calls that are the first call to a new lead. */
export const NEW_LEAD_SHARE = 0.5;
