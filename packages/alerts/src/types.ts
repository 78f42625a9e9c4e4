import type { Message } from '@satlab/messages';
/**
 * Types of @satlab/alerts: detection rules, flags and reasons, customer values, the callback
 * queue, treatment outcomes and the measured retention. Plain JSON-safe objects except
 * `CustomerValues.byId` (a Map: an input structure, not a result).
 */

/** A text in both languages of satlab's human output. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** Comparison operators of a column rule. */
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A negative-theme lexicon: entries per language (see `matchLexicon` for the entry syntax). */
export interface Lexicon {
  fr: readonly string[];
  en: readonly string[];
}

/** A compiled condition of a rule (what `parseRules` makes of the rules file). */
export type Condition =
  | { kind: 'compare'; column: string; op: CompareOp; value: number | string }
  | { kind: 'in'; column: string; values: readonly (number | string)[]; negate: boolean }
  | { kind: 'all'; conditions: readonly Condition[] }
  | { kind: 'any'; conditions: readonly Condition[] }
  /** NPS detractor: an integer 0–10 answer ≤ `max` (6 by the NPS definition). */
  | { kind: 'nps'; column: string; max: number }
  /** A verbatim holding at least one lexicon entry (negation-aware). */
  | { kind: 'lexicon'; column: string; lexicon: Lexicon; languages: 'fr' | 'en' | 'both'; negation: boolean };

/** One detection rule. */
export interface Rule {
  /** Identifier, unique in its rules file (letters, digits, `-`, `_`). */
  id: string;
  /** Reason shown for a customer the rule flags. */
  label: Bilingual;
  /** Weight of the rule in the severity score (> 0). Default 1. */
  weight: number;
  condition: Condition;
  /** 1-based line of the rule in its file (for error messages), when known. */
  line?: number;
}

/** A validated rules file. */
export interface RuleSet {
  /** Where the rules were read from (`<rules>` when built in memory). */
  file: string;
  /** Survey column identifying the customer (rules file key `id`). Default `customer_id`. */
  idColumn: string;
  rules: Rule[];
  /** Cautions found while reading (unknown keys ignored). */
  warnings: Message[];
}

/** Why a respondent was flagged: one entry per rule that fired. */
export interface Reason {
  /** The rule's id. */
  rule: string;
  label: Bilingual;
  weight: number;
  /** The values the rule read (column → value: the number, or the category as written). */
  values: Record<string, number | string>;
  /** Lexicon rules: the words or phrases found, as written in the verbatim. */
  matched?: string[];
}

/** One flagged respondent. */
export interface Flag {
  /** 0-based row of the survey table. */
  row: number;
  /** Customer id (null when the id cell is empty). */
  id: string | null;
  reasons: Reason[];
  /** Sum of the weights of the rules that fired. */
  severity: number;
}

/** Per-rule tally of a detection. */
export interface RuleTally {
  id: string;
  label: Bilingual;
  weight: number;
  /** Respondents the rule flagged. */
  flagged: number;
  /** Respondents the rule could not judge (a value it needs is missing): never flagged. */
  notEvaluable: number;
  /** Respondents the rule judged: flagged + not flagged. */
  evaluated: number;
  /**
   * For a rule that reads a verbatim (lexicon), when the rules also read an NPS column: how often
   * it fires among detractors (0–6) and among promoters (9–10) whose comment it could judge. A
   * good negative-comment rule fires often among detractors and rarely among promoters.
   */
  scoreHitRate?: ScoreHitRate;
}

/** Hit rate of a verbatim rule by NPS group (see {@link RuleTally}). */
export interface ScoreHitRate {
  /** The NPS column the groups come from. */
  column: string;
  /** Detractors (0–6) with a comment the rule judged. */
  detractors: number;
  /** Of them, flagged by the rule. */
  detractorHits: number;
  /** detractorHits / detractors (NaN when none). */
  detractorRate: number;
  promoters: number;
  promoterHits: number;
  promoterRate: number;
}

/** Result of `detectDissatisfied`. */
export interface Detection {
  method: string;
  rulesFile: string;
  idColumn: string;
  /** Rows of the survey. */
  respondents: number;
  /** Respondents flagged by at least one rule. */
  flagged: number;
  /** flagged / respondents. */
  flaggedShare: number;
  /** Rule id → respondents it flagged (a respondent may count under several rules). */
  byReason: Record<string, number>;
  /** Rule id → respondents it could not judge (missing value). */
  notEvaluable: Record<string, number>;
  rules: RuleTally[];
  /** Flagged respondents in survey order. */
  flags: Flag[];
  warnings: Message[];
}

/** What the value file says about one customer. */
export interface CustomerValue {
  /** RFM segment (or any category), when the file has one. */
  segment: string | null;
  /** Monetary value or the value column, when numeric. */
  amount: number | null;
  /**
   * Mid-distribution percentile of the customer's value among all the customers of the file,
   * (number below + ½ number equal) / N, in (0, 1): the value term of the priority score.
   */
  percentile: number;
}

/** Customer values keyed by id (see `customerValues`). */
export interface CustomerValues {
  source: string;
  /** What the percentile ranks: an amount (monetary, a value column) or the segment order. */
  basis: 'amount' | 'segment';
  /** Column (or field) the value came from. */
  column: string;
  /** Segments from most to least valuable (basis `segment`). */
  segmentOrder?: string[];
  /** Customers with a value. */
  customers: number;
  byId: Map<string, CustomerValue>;
  warnings: Message[];
}

/** One customer to call back. */
export interface QueueEntry {
  /** Position in the queue: 1 is called first. */
  priority: number;
  id: string;
  /** Priority score: severity × (1 + valueWeight × percentile). */
  score: number;
  severity: number;
  reasons: Reason[];
  value: CustomerValue | 'unknown';
  /** Survey rows of this customer (several when the customer answered twice). */
  rows: number[];
}

/** Result of `buildCallbackQueue`. */
export interface CallbackQueue {
  method: string;
  /** The priority formula, in words. */
  formula: string;
  valueWeight: number;
  valueBasis: 'amount' | 'segment' | null;
  entries: QueueEntry[];
  /** Customers in the queue. */
  customers: number;
  /** Queued customers absent from the value file (value "unknown", percentile taken as 0). */
  unknownValue: number;
  unknownValueIds: string[];
  /** Flagged rows without a customer id (cannot be called; left out of the queue). */
  missingId: number;
  warnings: Message[];
}

/** One treated-or-not dissatisfied customer and what happened at the next renewal. */
export interface OutcomeRecord {
  id: string;
  treated: boolean;
  /** True: still a customer after the next renewal; false: left. */
  kept: boolean;
}

/** Outcomes of a treated queue (see `loadOutcomes`, `simulateOutcomes`). */
export interface Outcomes {
  source: string;
  /** True when the outcomes were simulated, not observed. */
  simulated: boolean;
  records: OutcomeRecord[];
  /** Rows set aside (outcome not known yet, duplicates), with their line when read from a file. */
  excluded: { line?: number; id?: string; reason: string }[];
  warnings: Message[];
}

/** Retention of one group. */
export interface RetentionGroup {
  n: number;
  kept: number;
  left: number;
  /** kept / n. */
  rate: number;
  /** Wilson score interval of the rate. */
  ci: [number, number];
}
