// Generated from schemas/*.json by scripts/schema-types.mjs (npm run build). Do not edit: change the schema.
/* eslint-disable */
export type AccountsCode = string;
/**
 * one of the ten recovery codes, as shown (abcde-fghij; case, spaces and hyphens do not matter)
 */
export type RecoveryCode = string;
export type OrganisationKind = "partner" | "evaluator" | "donor" | "admin";
export type Title = string;
export type Country = string;
export type Markdown = string;
export type IsoDate = string;
export type Uuid = string;
export type Email = string;
export type Role = "admin" | "partner" | "evaluator" | "donor";
export type Language = "en" | "fr" | "ar" | "nl";
export type UuidList = string;
/**
 * a date (2026-11-28: the whole day) or an ISO 8601 UTC timestamp
 */
export type Moment = string;
/**
 * The user and a session cookie; or, when a second factor is due and was not sent, {totpRequired: true} and no session
 */
export type LoginResult = Me | TotpChallenge;
export type Password = string;
export type ShortText = string;
export type ContentLanguage = string;
export type Timestamp = string;
export type DomainsCode = string;
export type Relation = "supports" | "contradicts" | "context";
export type EvidenceLinkCreate =
  | {
      storyId: unknown;
    }
  | {
      fragmentId: unknown;
    };
export type UploadFields =
  | {
      outcomeId: unknown;
    }
  | {
      storyId: unknown;
    }
  | {
      fragmentId: unknown;
    };
export type SourceType = "interview" | "focus_group" | "report" | "survey_answer" | "media" | "other";
export type Confidentiality = "public" | "internal";
export type UrlOrDoi = string;
export type Year = number;
export type AgeBand = "under-18" | "18-24" | "25-34" | "35-44" | "45-54" | "55-64" | "65+" | "unknown";
/**
 * Where the fragment speaks of: the country, and the area if known (a fragment has no draft that may lack it)
 */
export type FragmentsLocation = StoriesLocation;
export type ThemeCode = string;
/**
 * @maxItems 30
 */
export type ThemeCodes = ThemeCode[];
/**
 * @maxItems 30
 */
export type FragmentGoals = GoalTag[];
export type Narrative = string;
export type Sensitivity = "public" | "restricted" | "confidential";
export type StoriesStatus = "draft" | "submitted" | "published";
export type HarvestsStatus = "design" | "collecting" | "substantiating" | "analysing" | "closed";
/**
 * @maxItems 30
 */
export type Domains = Title[];
export type ImportsKind = "outcomes" | "stories" | "indicator-values";
export type Format = "csv" | "xlsx" | "kobo-json" | "kobo-csv" | "odk-odata";
/**
 * chosen by the client, so that it can follow the dry run's progress at GET /api/imports/:id
 */
export type Uuid1 = string;
/**
 * the language of the names beside the codes (else the profile's)
 */
export type Language1 = "en" | "fr" | "ar" | "nl";
export type FieldPath = string;
/**
 * Where one column of the record comes from: a form field (`from`, group paths like group_x/field), a fixed value, or a template with {field} placeholders
 */
export type MappingField =
  | {
      from: unknown;
    }
  | {
      value: unknown;
    }
  | {
      template: unknown;
    };
export type IndicatorsCode = string;
export type Direction = "increase" | "decrease";
export type DisaggregationKey = string;
/**
 * @maxItems 10
 */
export type Disaggregations =
  | []
  | [DisaggregationKey]
  | [DisaggregationKey, DisaggregationKey]
  | [DisaggregationKey, DisaggregationKey, DisaggregationKey]
  | [DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey]
  | [DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey]
  | [DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey, DisaggregationKey]
  | [
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey
    ]
  | [
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey
    ]
  | [
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey
    ]
  | [
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey,
      DisaggregationKey
    ];
/**
 * @maxItems 30
 */
export type IndicatorsGoals = string[];
/**
 * @maxItems 50
 */
export type Targets = Dated[];
export type IatiMeasure = 1 | 2 | 3 | 4 | 5;
/**
 * How the breakdowns add up to the total: sum (counts), none (shares, scores: no total is computed)
 */
export type Aggregation = "sum" | "none";
/**
 * Values are counts: a value that is not a whole number is refused
 */
export type WholeNumbers = boolean;
/**
 * number: a figure per period (unit, direction, breakdowns); rubric: an ordered scale of levels, each period scored with a level, its reason and its evidence
 */
export type IndicatorsKind = "number" | "rubric";
/**
 * A rubric's scale, the lowest level first. Once a period is scored, the number of levels and their English wording are locked; translations may still be added or corrected
 *
 * @minItems 2
 * @maxItems 7
 */
export type Levels =
  | [IndicatorsLevel, IndicatorsLevel]
  | [IndicatorsLevel, IndicatorsLevel, IndicatorsLevel]
  | [IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel]
  | [IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel]
  | [IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel, IndicatorsLevel]
  | [
      IndicatorsLevel,
      IndicatorsLevel,
      IndicatorsLevel,
      IndicatorsLevel,
      IndicatorsLevel,
      IndicatorsLevel,
      IndicatorsLevel
    ];
export type ValueStatus = "draft" | "validated";
/**
 * A rubric's score: why this level (markdown)
 */
export type Reason = string;
/**
 * A rubric's score: the outcomes, stories and fragments it rests on, each one the scorer may see
 *
 * @maxItems 50
 */
export type EvidenceRefs = EvidenceRef[];
/**
 * Evidence as the reader receives it: only the records the reader may open
 */
export type IndicatorsEvidence = {
  kind?: "outcome" | "story" | "fragment";
  id?: string;
  title?: string;
}[];
/**
 * A rubric's score only
 */
export type IndicatorsEvidence1 = {
  kind?: "outcome" | "story" | "fragment";
  id?: string;
  title?: string;
}[];
export type ActorType =
  | "individual"
  | "community"
  | "civil_society"
  | "womens_organisation"
  | "youth_group"
  | "religious_leaders"
  | "traditional_authority"
  | "local_government"
  | "national_government"
  | "security_sector"
  | "justice_sector"
  | "armed_group"
  | "private_sector"
  | "media"
  | "international_organisation"
  | "other";
/**
 * @maxItems 30
 */
export type OutcomesGoals = GoalTag[];
export type EvidenceItem = {
  [k: string]: unknown;
};
/**
 * @maxItems 100
 */
export type OutcomesEvidence = EvidenceItem[];
/**
 * What an outcome needs before it is submitted (a draft may lack any of it but its title): the completeness rule, checked on submission (422 incomplete, one entry per missing element), on every edit after it, and on each imported row
 */
export type OutcomeComplete = OutcomeCreate;
export type OutcomesStatus =
  | "draft"
  | "submitted"
  | "under_review"
  | "substantiated"
  | "partly_substantiated"
  | "not_substantiated"
  | "published"
  | "retracted";
export type SearchKind = "outcome" | "story" | "fragment";
export type SelectionsLevel = "partner" | "country" | "programme" | "donor";
export type DomainCode = string;
/**
 * What a story needs before it is submitted (a draft may lack any of it but its title): checked on submission (422 incomplete, one entry per missing element) and on every edit after it
 */
export type StoryComplete = StoryCreate;
export type Verdict = "agree" | "partly" | "disagree" | "unknown";

export interface Schemas {}
/**
 * A code from the authenticator app, or else a recovery code
 */
export interface SecondFactor {
  code?: AccountsCode;
  recoveryCode?: RecoveryCode;
}
export interface TotpEnable {
  code: AccountsCode;
  /**
   * the admin's set-up link token, for API clients (the app's page sends the link's cookie instead)
   */
  token?: string;
}
export interface TotpSetup {
  /**
   * base32, for typing into an authenticator app
   */
  secret: string;
  /**
   * otpauth://totp/… for a QR code
   */
  uri: string;
  enabled: boolean;
}
export interface TotpStatus {
  enabled: boolean;
  /**
   * shown once: when two-factor sign-in is turned on, or the codes renewed
   *
   * @minItems 10
   * @maxItems 10
   */
  recoveryCodes?: [string, string, string, string, string, string, string, string, string, string];
}
/**
 * The login answer when the password is right and a code is needed: no session yet
 */
export interface TotpChallenge {
  totpRequired: true;
}
export interface OrganisationCreate {
  name: Title;
  kind: OrganisationKind;
  country?: Country;
  requireTotp?: boolean;
}
export interface OrganisationPatch {
  name?: Title;
  country?: Country;
  requireTotp?: boolean;
}
export interface Organisation {
  id?: string;
  name?: string;
  kind?: string;
  country?: string | null;
  requireTotp?: boolean;
  createdAt?: string;
  updatedAt?: string;
}
export interface ProgrammeCreate {
  name: Title;
  description?: Markdown;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  iatiIdentifier?: string;
  reportingOrgRef?: string;
  /**
   * @maxItems 500
   */
  partnerOrganisationIds?: Uuid[];
  /**
   * @maxItems 500
   */
  memberIds?: Uuid[];
}
export interface ProgrammePatch {
  name?: Title;
  description?: Markdown;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  iatiIdentifier?: string;
  reportingOrgRef?: string;
  /**
   * @maxItems 500
   */
  partnerOrganisationIds?: Uuid[];
  /**
   * @maxItems 500
   */
  memberIds?: Uuid[];
}
export interface Programme {
  id?: string;
  name?: string;
  description?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  iatiIdentifier?: string | null;
  reportingOrgRef?: string | null;
  partnerOrganisations?: Ref[];
  members?: {}[];
}
export interface Ref {
  id: string;
  name: string;
}
export interface UserCreate {
  email: Email;
  name: Title;
  role: Role;
  organisationId: Uuid;
  language?: Language;
}
export interface UserPatch {
  name?: Title;
  role?: Role;
  organisationId?: Uuid;
  language?: Language;
  disabled?: boolean;
}
export interface User {
  id?: string;
  email?: string;
  name?: string;
  role?: string;
  language?: string;
  organisation?: Ref;
  disabled?: boolean;
  hasPassword?: boolean;
  /**
   * Whether two-factor sign-in (TOTP) is on
   */
  twoFactor?: boolean;
  createdAt?: string;
}
export interface UserQuery {
  page?: string;
  pageSize?: string;
  role?: string;
  org?: string;
}
export interface AuditQuery {
  page?: string;
  pageSize?: string;
  actor?: UuidList;
  /**
   * actions, comma-separated; a trailing * matches a prefix (personal.* = who viewed or exported personal data)
   */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Moment;
  to?: Moment;
}
export interface AuditEntry {
  id?: number;
  at?: string;
  actor?: null | {
    id?: string;
    name?: string | null;
    email?: string | null;
    role?: string | null;
  };
  action?: string;
  entityType?: string | null;
  entityId?: string | null;
  details?: {} | null;
}
export interface AuditList {
  items?: AuditEntry[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface Login {
  email: string;
  password: string;
  totp?: AccountsCode;
  recoveryCode?: RecoveryCode;
}
export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  organisation: Ref;
  programmes: Ref[];
  twoFactor?: {
    enabled: boolean;
    required: boolean;
    /**
     * unused recovery codes, when two-factor sign-in is on
     */
    recoveryCodesLeft?: number;
  };
}
/**
 * The token of the link in the body, or left out when the browser holds the link's cookie (set by GET /set-password/{token})
 */
export interface SetPassword {
  token?: string;
  password: Password;
}
export interface MePatch {
  name?: Title;
  language?: Language;
  password?: Password;
  currentPassword?: string;
}
export interface Session {
  user: Me | null;
}
/**
 * What the reader may do with the record now, as the API will check it: edit it, and which transitions (each saying whether it needs a comment). Preconditions such as an answered substantiation may still refuse a move.
 */
export interface Can {
  edit: boolean;
  transitions: {
    to: string;
    comment: boolean;
  }[];
}
/**
 * A name in French, Arabic and Dutch beside the English one; a language left out (or empty) reads the English
 */
export interface OtherNames {
  fr?: ShortText;
  ar?: ShortText;
  nl?: ShortText;
}
export interface CommonListQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
}
export interface EmptyQuery {}
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: {
    path?: string;
    message?: string;
    /**
     * A stable name of the rule that failed (for a request body: the JSON Schema keyword, format.<name> for a format), for clients to word in their language
     */
    code?: string;
    /**
     * For needs_confirmation: the finding, to send back in `confirmed` once reviewed
     */
    id?: string;
  }[];
}
export interface CommonLink {
  url: string;
  expiresAt: string;
}
/**
 * The filters of the outcome list; confidential records are never counted
 */
export interface FilterQuery {
  framework?: string;
  goal?: string;
  from?: string;
  to?: string;
  country?: string;
  programme?: string;
  org?: string;
  harvest?: string;
  status?: string;
  changeType?: string;
  quadrant?: string;
  sensitivity?: string;
  language?: string;
  positive?: "true" | "false";
  intended?: "true" | "false";
}
export interface TimelineQuery {
  framework?: string;
  goal?: string;
  from?: string;
  to?: string;
  country?: string;
  programme?: string;
  org?: string;
  harvest?: string;
  status?: string;
  changeType?: string;
  quadrant?: string;
  sensitivity?: string;
  language?: string;
  positive?: "true" | "false";
  intended?: "true" | "false";
  bucket?: "month" | "quarter" | "year";
}
/**
 * The filters of the outcome list; confidential records are never counted
 */
export interface TransformationQuery {
  framework?: string;
  goal?: string;
  from?: string;
  to?: string;
  country?: string;
  programme?: string;
  org?: string;
  harvest?: string;
  status?: string;
  changeType?: string;
  quadrant?: string;
  sensitivity?: string;
  language?: string;
  positive?: "true" | "false";
  intended?: "true" | "false";
  /**
   * years per period, 1 (the default) to 5: pooled years give a share where single years hold too few outcomes
   */
  pool?: string;
}
export interface Cell {
  bucket: string;
  coarse?: true;
  outcomes: number;
  byStatus: {
    [k: string]: number;
  };
  /**
   * Outcomes by the conclusion they stand on: substantiated, partly_substantiated, not_substantiated, or pending (not yet concluded)
   */
  byConclusion: {
    [k: string]: number;
  };
  byQuadrant: {
    [k: string]: number;
  };
  byChangeType: {
    [k: string]: number;
  };
  negative: number;
  stories: number;
  fragments: number;
}
export interface Timeline {
  bucket: "month" | "quarter" | "year";
  buckets: string[];
  from?: string;
  to?: string;
  goals: {
    code: string;
    name: string;
    total?: number;
    cells: Cell[];
  }[];
  indicators: {
    code: string;
    name: string;
    unit: string;
    /**
     * the name in French, Arabic and Dutch where given ({fr?, ar?, nl?})
     */
    names?: {
      [k: string]: string | undefined;
    };
    /**
     * the unit in French, Arabic and Dutch where given
     */
    unitNames?: {
      [k: string]: string | undefined;
    };
    /**
     * the words among the breakdowns' values in French, Arabic and Dutch, by key and value: {area: {World: {fr: 'Monde'}}}
     */
    breakdownNames?: {
      [k: string]: {
        [k: string]: {
          [k: string]: string | undefined;
        };
      };
    };
    direction?: "increase" | "decrease";
    /**
     * the programme the indicator belongs to; null for a global reference series, which the chart shows in its context band
     */
    programmeId: string | null;
    aggregation: "sum" | "none";
    baseline?: null | {
      value: number;
      date: string;
    };
    targets?: {
      value: number;
      date: string;
    }[];
    goals: string[];
    series: {
      disaggregation?: {};
      values?: {
        bucket?: string;
        value?: number;
      }[];
    }[];
    /**
     * the total of each bucket: the reported total, else (aggregation sum) the sum of a complete breakdown, marked computed
     */
    total: {
      bucket: string;
      value: number;
      computed?: "sum";
      /**
       * a complete breakdown adds up to another figure than the reported total
       */
      differs?: boolean;
    }[];
    /**
     * rubric: a qualitative indicator whose value (total) is a level of its scale
     */
    kind?: "number" | "rubric";
    /**
     * rubric only: the scale, the lowest level first
     */
    levels?: IndicatorsLevel[];
    /**
     * rubric only: per bucket, the score its total shows — the level, why, and the evidence as ids of the records this reader may open
     */
    scores?: {
      bucket: string;
      period: {
        start?: string;
        end?: string;
      };
      level: number;
      reason: string | null;
      evidence: EvidenceRef[];
    }[];
  }[];
}
export interface IndicatorsLevel {
  /**
   * 1 is the lowest level; the levels are numbered 1 … n in order
   */
  level: number;
  /**
   * In English
   */
  label: string;
  /**
   * In English: what is observed at this level
   */
  descriptor: string;
  labels?: LevelTexts;
  descriptors?: LevelTexts;
}
/**
 * The text in French, Arabic and Dutch where given; a language left out reads the English
 */
export interface LevelTexts {
  fr?: string;
  ar?: string;
  nl?: string;
}
export interface EvidenceRef {
  kind: "outcome" | "story" | "fragment";
  id: Uuid;
}
export interface Transformation {
  years: string[];
  /**
   * years per period
   */
  pool: number;
  /**
   * the fewest classified outcomes a period needs for its shares
   */
  minForShare: number;
  quadrants: {
    code?: string;
    name?: string;
    locus?: string;
    formality?: string;
  }[];
  totals: TransformationPeriod[];
  goals: {
    code?: string;
    name?: string;
    years?: TransformationPeriod[];
  }[];
}
/**
 * One period: its first and last year, outcomes per quadrant, and the shares of systemic and formal change among the classified ones (null below minForShare)
 */
export interface TransformationPeriod {
  year: string;
  to: string;
  byQuadrant: {
    [k: string]: number;
  };
  /**
   * all outcomes of the period
   */
  outcomes: number;
  /**
   * outcomes in no Gender at Work quadrant
   */
  unclassified: number;
  /**
   * outcomes in a quadrant: the base of the shares
   */
  n: number;
  systemic: number;
  formal: number;
  systemicShare: number | null;
  formalShare: number | null;
  /**
   * some outcomes, but too few for a share
   */
  tooFew: boolean;
}
export interface Coverage {
  framework?: Ref;
  goals?: unknown[];
}
export interface Map {
  total?: number;
  countries?: unknown[];
  regions?: unknown[];
}
export interface Pathways {
  nodes?: unknown[];
  links?: unknown[];
  truncated?: boolean;
}
export interface DomainCreate {
  code?: DomainsCode;
  name: Title;
  description?: Markdown;
  names?: OtherNames;
}
export interface DomainPatch {
  name?: Title;
  names?: OtherNames;
  description?: Markdown | null;
}
export interface Domain {
  code?: string;
  name?: string;
  /**
   * The name in French, Arabic and Dutch where given
   */
  names?: {
    [k: string]: string | undefined;
  };
  description?: string | null;
  recommended?: boolean;
}
export interface DomainList {
  items?: Domain[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface EvidenceLink {
  id?: string;
  outcomeId?: string;
  storyId?: string;
  fragmentId?: string;
  relation?: Relation;
  note?: string | null;
}
export interface EvidenceEvidence {
  outcomeId?: string;
  documents?: unknown[];
  links?: unknown[];
  informants?: unknown[];
  files?: unknown[];
  stories?: unknown[];
  fragments?: unknown[];
  counts?: {
    [k: string]: number;
  };
}
/**
 * The filters of GET /api/indicators/:id/values, across the indicators you may see (or those named)
 */
export interface IndicatorValuesQuery {
  page?: string;
  pageSize?: string;
  indicator?: string;
  programme?: string;
  from?: string;
  to?: string;
  status?: string;
  country?: string;
}
export interface File {
  id?: string;
  name?: string | null;
  title?: string | null;
  kind?: "document" | "image" | "audio";
  contentType?: string;
  size?: number;
  createdAt?: string;
  attachedTo?: {
    type?: "outcome" | "story" | "fragment";
    id?: string;
  };
}
export interface SourceCreate {
  title: Title;
  type: SourceType;
  author?: Title;
  year: Year;
  url?: UrlOrDoi;
  confidentiality: Confidentiality;
  programmeId?: Uuid;
}
export interface SourcePatch {
  title?: Title;
  type?: SourceType;
  author?: Title | null;
  year?: Year;
  url?: UrlOrDoi | null;
  confidentiality?: Confidentiality;
}
export interface Source {
  id?: string;
  title?: string;
  type?: SourceType;
  author?: string | null;
  year?: number;
  url?: string | null;
  confidentiality?: Confidentiality;
  programmeId?: string;
  organisation?: Ref;
}
export interface SourceList {
  items?: Source[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface SourceListQuery {
  page?: string;
  pageSize?: string;
  type?: string;
  programme?: string;
  q?: string;
}
export interface Speaker {
  role: Title;
  gender?: ShortText;
  ageBand?: AgeBand;
  place?: ShortText;
  consent?: Consent | null;
}
export interface Consent {
  level: "named" | "anonymous" | "internal_only";
  method: "written" | "verbal" | "recorded";
  givenOn: IsoDate;
  recordedBy: Title;
}
/**
 * In a draft, the country may be missing yet; a submitted story has it (storyComplete)
 */
export interface StoriesLocation {
  country?: Country;
  adminArea?: ShortText;
}
export interface GoalTag {
  code: string;
  primary?: boolean;
}
export interface FragmentCreate {
  sourceId: Uuid;
  excerpt: Narrative;
  locator?: ShortText;
  speaker?: Speaker | null;
  language: ContentLanguage;
  location?: FragmentsLocation | null;
  goals?: FragmentGoals;
  themes?: ThemeCodes;
  sensitivity?: Sensitivity;
}
export interface FragmentPatch {
  excerpt?: Narrative;
  locator?: ShortText | null;
  speaker?: Speaker | null;
  language?: ContentLanguage;
  location?: FragmentsLocation | null;
  goals?: FragmentGoals;
  themes?: ThemeCodes;
  sensitivity?: Sensitivity;
}
export interface Fragment {
  id?: string;
  status?: StoriesStatus;
  source?: {};
  excerpt?: string;
  locator?: string | null;
  speaker?: {} | null;
  language?: string;
  location?: {} | null;
  goals?: unknown[];
  themes?: string[];
  sensitivity?: string;
  organisation?: Ref;
  programmeId?: string;
  files?: unknown[];
  redacted?: boolean;
  can?: Can;
}
export interface FragmentList {
  items?: Fragment[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface FragmentsListQuery {
  page?: string;
  pageSize?: string;
  sort?:
    "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "status" | "-status" | "year" | "-year" | "relevance";
  source?: string;
  sourceType?: string;
  theme?: string;
  goal?: string;
  org?: string;
  programme?: string;
  status?: string;
  language?: string;
  country?: string;
  sensitivity?: string;
  consent?: string;
  from?: string;
  to?: string;
  q?: string;
}
export interface ThemeCreate {
  code: ThemeCode;
  name: Title;
  description?: Markdown;
  parentCode?: ThemeCode | null;
  names?: OtherNames;
}
export interface ThemePatch {
  name?: Title;
  description?: Markdown | null;
  parentCode?: ThemeCode | null;
  names?: OtherNames;
}
export interface Theme {
  code?: string;
  name?: string;
  description?: string | null;
  parentCode?: string | null;
  /**
   * the name in French, Arabic and Dutch, where given
   */
  names?: {
    [k: string]: string | undefined;
  };
  fragments?: number;
}
export interface ThemeList {
  items?: Theme[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface GoalImport {
  code: string;
  name: Title;
  name_nl?: Title;
  name_fr?: Title;
  name_ar?: Title;
  description?: Markdown;
  /**
   * @maxItems 500
   */
  children?: GoalImport[];
  [k: string]: unknown;
}
export interface FrameworkImport {
  id: string;
  name: Title;
  name_nl?: Title;
  name_fr?: Title;
  name_ar?: Title;
  version?: Markdown;
  source_url?: string;
  /**
   * @minItems 1
   * @maxItems 500
   */
  goals: [GoalImport, ...GoalImport[]];
  [k: string]: unknown;
}
export interface Framework {
  id?: string;
  name?: string;
  names?: {};
  version?: string | null;
  sourceUrl?: string | null;
  goalCount?: number;
}
export interface Goal {
  code?: string;
  name?: string;
  names?: {};
  description?: string | null;
  children?: Goal[];
}
export interface GoalTree {
  framework?: Framework;
  goals?: Goal[];
}
export interface HarvestCreate {
  programmeId: Uuid;
  title: Title;
  questions?: Markdown;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  domains?: Domains;
}
export interface HarvestPatch {
  title?: Title;
  questions?: Markdown | null;
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
  domains?: Domains;
  status?: HarvestsStatus;
}
/**
 * The language the report is written in; without it, the language of the reader's profile.
 */
export interface ReportQuery {
  lang?: Language;
}
export interface HarvestsListQuery {
  page?: string;
  pageSize?: string;
  programme?: string;
  status?: string;
}
export interface Harvest {
  id?: string;
  programme?: Ref;
  title?: string;
  questions?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  domains?: string[];
  /**
   * The domains with their codes and their names in French, Arabic and Dutch, where given
   */
  domainList?: {
    code: string;
    name: string;
    names: {
      [k: string]: string | undefined;
    };
  }[];
  status?: HarvestsStatus;
  /**
   * outcomes of the harvest per status, of those the caller may see
   */
  counts?: {
    [k: string]: number;
  };
  total?: number;
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
}
export interface HarvestList {
  items?: Harvest[];
  total?: number;
  page?: number;
  pageSize?: number;
}
/**
 * Outcomes of the harvest the caller may see, confidential ones left out of every aggregate
 */
export interface Summary {
  harvest?: {};
  total?: number;
  byGoalAndStatus?: {}[];
  byChangeType?: {}[];
  byQuadrant?: {}[];
  substantiationByGoal?: {}[];
}
/**
 * The form fields sent beside the file (multipart/form-data, file in the field `file`)
 */
export interface ImportFields {
  format: Format;
  kind: ImportsKind;
  mappingId?: Uuid;
  id?: Uuid1;
}
/**
 * No fields beside the file (multipart/form-data, the .qdc in the field `file`)
 */
export interface CodebookFields {}
export interface TemplateQuery {
  kind: ImportsKind;
  lang?: Language1;
}
export interface MappingFields {
  [k: string]: MappingField;
}
export interface MappingCreate {
  name: Title;
  kind: ImportsKind;
  /**
   * the submission's unique id; default _uuid (Kobo) or __id (ODK)
   */
  key?: FieldPath;
  fields: MappingFields;
}
export interface MappingPatch {
  name?: Title;
  key?: FieldPath | null;
  fields?: MappingFields;
}
export interface Mapping {
  id?: string;
  name?: string;
  kind?: ImportsKind;
  key?: string | null;
  fields?: {};
  createdAt?: string;
  updatedAt?: string;
}
export interface RowError {
  /**
   * the row as the spreadsheet numbers it (header = 1), or the submission's position
   */
  row?: number;
  column?: string;
  /**
   * JSON pointer into the record as the API takes it
   */
  path?: string;
  code?: string;
  /**
   * in the user's language
   */
  message?: string;
}
export interface ImportReport {
  id?: string;
  kind?: ImportsKind;
  format?: Format;
  mappingId?: string | null;
  filename?: string | null;
  status?: "validating" | "validated" | "refused" | "committing" | "committed";
  /**
   * rows read from the file (submissions imported before included)
   */
  rows?: number;
  /**
   * rows checked so far (progress)
   */
  checked?: number;
  /**
   * submissions imported before, left alone
   */
  skipped?: number;
  errorCount?: number;
  errors?: RowError[];
  committed?: number | null;
  createdAt?: string;
  committedAt?: string | null;
}
export interface Dated {
  value: number;
  date: IsoDate;
  note?: ShortText;
}
/**
 * A number needs unit and direction; a rubric needs levels and takes none of unit, direction, disaggregations, aggregation and wholeNumbers (its baseline and targets are levels)
 */
export interface IndicatorCreate {
  kind?: IndicatorsKind;
  levels?: Levels;
  code: IndicatorsCode;
  name: Title;
  description?: Markdown;
  unit?: string;
  direction?: Direction;
  goals?: IndicatorsGoals;
  disaggregations?: Disaggregations;
  baseline?: Dated | null;
  targets?: Targets;
  aggregation?: Aggregation;
  wholeNumbers?: WholeNumbers;
  source?: Markdown;
  sourceUrl?: string;
  notes?: Markdown;
  iatiMeasure?: IatiMeasure;
  names?: OtherNames;
  unitNames?: OtherNames;
  programmeId?: Uuid;
  organisationId?: Uuid;
}
/**
 * The kind is chosen once, at creation; levels apply to a rubric only
 */
export interface IndicatorPatch {
  levels?: Levels;
  code?: IndicatorsCode;
  name?: Title;
  description?: Markdown;
  unit?: string;
  direction?: Direction;
  goals?: IndicatorsGoals;
  disaggregations?: Disaggregations;
  baseline?: Dated | null;
  targets?: Targets;
  aggregation?: Aggregation;
  wholeNumbers?: WholeNumbers;
  source?: Markdown;
  sourceUrl?: string | null;
  notes?: Markdown;
  iatiMeasure?: IatiMeasure | null;
  names?: OtherNames;
  unitNames?: OtherNames;
}
export interface Disaggregation {
  country?: Country;
  sex?: "female" | "male" | "other" | "total";
  [k: string]: string | undefined;
}
export interface ValueCreate {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /**
   * A number; for a rubric, the level (a whole number, 1 … n)
   */
  value: number;
  disaggregation?: Disaggregation;
  note?: string;
  status?: ValueStatus;
  reason?: Reason;
  evidence?: EvidenceRefs;
  /**
   * When a rubric's score is validated: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
/**
 * One value, or an array of values entered all at once (all or nothing)
 */
export interface ValuesCreate {
  [k: string]: unknown;
}
export interface ValuePatch {
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  value?: number;
  disaggregation?: Disaggregation;
  note?: string | null;
  status?: ValueStatus;
  reason?: Reason;
  evidence?: EvidenceRefs;
  /**
   * When a rubric's score is validated: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
export interface IndicatorsListQuery {
  page?: string;
  pageSize?: string;
  sort?: "code" | "-code" | "name" | "-name" | "updatedAt" | "-updatedAt";
  goal?: string;
  programme?: string;
  code?: string;
}
export interface ValueListQuery {
  page?: string;
  pageSize?: string;
  sort?: "periodEnd" | "-periodEnd";
  from?: string;
  to?: string;
  status?: string;
  country?: string;
}
export interface ProgressQuery {
  from?: string;
  to?: string;
  country?: Country;
}
export interface Indicator {
  id?: string;
  code?: string;
  name?: string;
  /**
   * the name in French, Arabic and Dutch, where given
   */
  names?: {
    [k: string]: string | undefined;
  };
  unit?: string;
  /**
   * the unit in French, Arabic and Dutch, where given
   */
  unitNames?: {
    [k: string]: string | undefined;
  };
  /**
   * names of breakdown values per key and language: { key: { value: { fr, ar, nl } } }
   */
  breakdownNames?: {};
  direction?: Direction;
  goals?: string[];
  disaggregations?: string[];
  baseline?: Dated | null;
  targets?: Targets;
  aggregation?: Aggregation;
  wholeNumbers?: boolean;
  programme?: Ref | null;
  organisation?: Ref | null;
  iatiMeasure?: number | null;
  kind?: IndicatorsKind;
  /**
   * A rubric's scale, the lowest level first (a number has none)
   */
  levels?: IndicatorsLevel[];
}
export interface Latest {
  periodStart?: string;
  periodEnd?: string;
  value?: number;
  status?: string;
  /**
   * sum: no total was reported; this is the sum of the breakdowns of the period
   */
  computed?: "sum";
}
export interface IndicatorList {
  items?: Indicator[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface Value {
  id?: string;
  indicatorId?: string;
  periodStart?: string;
  periodEnd?: string;
  value?: number;
  disaggregation?: {};
  status?: ValueStatus;
  note?: string | null;
  /**
   * A rubric's score only
   */
  reason?: string | null;
  evidence?: IndicatorsEvidence1;
}
export interface ValueList {
  items?: Value[];
  total?: number;
  page?: number;
  pageSize?: number;
}
/**
 * In a draft, either may be missing yet; a submitted outcome has both (outcomeComplete)
 */
export interface SocialActor {
  name?: Title;
  type?: ActorType;
}
export interface OccurredOn {
  date: string;
  precision: "day" | "month" | "year";
}
/**
 * In a draft, the country may be missing yet; a submitted outcome has it (outcomeComplete)
 */
export interface OutcomesLocation {
  country?: Country;
  adminArea?: ShortText;
  lat?: number;
  lon?: number;
}
/**
 * A draft: a title at least; what else it needs before submission is outcomeComplete
 */
export interface OutcomeCreate {
  title: Title;
  description?: Markdown;
  socialActor?: SocialActor;
  changeType?: string;
  quadrant?: string;
  occurredOn?: OccurredOn;
  location?: OutcomesLocation;
  significance?: Markdown;
  contribution?: Markdown;
  positive?: boolean;
  intended?: boolean;
  sensitivity?: "public" | "restricted" | "confidential";
  language?: ContentLanguage;
  goals?: OutcomesGoals;
  harvestId?: Uuid | null;
  evidence?: OutcomesEvidence;
}
export interface OutcomePatch {
  title?: Title;
  description?: Markdown;
  socialActor?: SocialActor;
  changeType?: string;
  quadrant?: string;
  occurredOn?: OccurredOn;
  location?: OutcomesLocation;
  significance?: Markdown;
  contribution?: Markdown;
  positive?: boolean;
  intended?: boolean;
  sensitivity?: "public" | "restricted" | "confidential";
  language?: ContentLanguage;
  goals?: OutcomesGoals;
  harvestId?: Uuid | null;
  evidence?: OutcomesEvidence;
}
export interface OutcomesTransition {
  to: OutcomesStatus;
  comment?: Markdown;
  /**
   * When publishing: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
export interface OutcomesTranslationCreate {
  language: ContentLanguage;
  title: Title;
  description?: Markdown;
  significance?: Markdown;
  contribution?: Markdown;
  translatedBy?: Title;
  /**
   * When the record is published: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
export interface OutcomesListQuery {
  page?: string;
  pageSize?: string;
  sort?:
    | "evidence"
    | "-evidence"
    | "occurredOn"
    | "-occurredOn"
    | "createdAt"
    | "-createdAt"
    | "updatedAt"
    | "-updatedAt"
    | "title"
    | "-title"
    | "status"
    | "-status"
    | "relevance";
  goal?: string;
  framework?: string;
  org?: string;
  programme?: string;
  harvest?: string;
  country?: string;
  status?: string;
  changeType?: string;
  quadrant?: string;
  sensitivity?: string;
  language?: string;
  from?: string;
  to?: string;
  positive?: "true" | "false";
  intended?: "true" | "false";
  q?: string;
  evidenceMin?: string;
  evidenceMax?: string;
}
export interface Outcome {
  id?: string;
  status?: OutcomesStatus;
  title?: string;
  description?: string;
  socialActor?: {};
  changeType?: string;
  quadrant?: string;
  occurredOn?: OccurredOn;
  location?: {};
  significance?: string;
  contribution?: string;
  positive?: boolean;
  intended?: boolean;
  sensitivity?: string;
  language?: string;
  goals?: GoalTag[];
  harvestId?: string | null;
  evidence?: unknown[];
  organisation?: Ref;
  redacted?: boolean;
  /**
   * The conclusion the outcome stands on: its state while concluded, the last one once published; null before
   */
  conclusion?: "substantiated" | "partly_substantiated" | "not_substantiated" | null;
  can?: Can;
  createdAt?: string;
  updatedAt?: string;
}
export interface OutcomeList {
  items?: Outcome[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface CommentCreate {
  body: string;
}
/**
 * who acted: id and name only for those who see the record in full; the role for everyone
 */
export interface Actor {
  id?: string;
  name?: string | null;
  role?: string | null;
}
export interface Comment {
  id?: string;
  body?: string;
  author?: Actor;
  createdAt?: string;
}
export interface CommentList {
  items?: Comment[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface History {
  items?: {
    type?: "transition" | "comment";
    at?: string;
    from?: string | null;
    to?: string;
    comment?: string | null;
    body?: string;
    actor?: Actor;
  }[];
}
export interface NotificationQuery {
  page?: string;
  pageSize?: string;
  unread?: "true" | "false";
}
export interface Notification {
  id?: string;
  kind?: "outcome.submitted" | "outcome.returned" | "outcome.commented" | "substantiation.answered";
  outcome?: {
    id?: string;
    title?: string | null;
  };
  actor?: Actor | null;
  createdAt?: string;
  readAt?: string | null;
}
export interface NotificationList {
  items?: Notification[];
  total?: number;
  unread?: number;
  page?: number;
  pageSize?: number;
}
export interface ReviewLinkCreate {
  targetId: Uuid;
  /**
   * contributes_to: the source is a step towards the target; counteracts: the source works against the target (a setback, backlash or reversal)
   */
  relation: "contributes_to" | "counteracts";
}
export interface OutcomeLink {
  id?: string;
  sourceId?: string;
  targetId?: string;
  relation?: string;
  createdAt?: string;
}
export interface Chain {
  nodes?: {
    id: string;
    title: string;
    status: string;
    conclusion: string | null;
  }[];
  links?: OutcomeLink[];
  /**
   * whether the caller may link this outcome to others and remove its links
   */
  canLink?: boolean;
  /**
   * the chain is longer than one answer holds
   */
  truncated?: boolean;
}
export interface Query {
  q?: string;
  kind?: string;
  page?: string;
  pageSize?: string;
  goal?: string;
  org?: string;
  programme?: string;
  country?: string;
  language?: string;
  status?: string;
  from?: string;
  to?: string;
}
export interface Result {
  kind?: SearchKind;
  id?: string;
  title?: string;
  snippet?: string;
  status?: string;
  language?: string;
  country?: string | null;
  date?: string | null;
  organisation?: Ref;
  updatedAt?: string;
  score?: number | null;
}
export interface Results {
  items?: Result[];
  total?: number;
  page?: number;
  pageSize?: number;
  facets?: {
    kind?: {
      [k: string]: number;
    };
  };
}
export interface PanelMember {
  role: Title;
  count?: number;
}
export interface Score {
  storyId: Uuid;
  votes?: number;
  score?: number;
}
export interface RoundCreate {
  level: SelectionsLevel;
  domain: DomainCode;
  harvestId?: Uuid | null;
  /**
   * @minItems 1
   * @maxItems 50
   */
  panel: [PanelMember, ...PanelMember[]];
  /**
   * @minItems 1
   * @maxItems 200
   */
  storyIds: [Uuid, ...Uuid[]];
  selectedStoryId: Uuid;
  reasons: Narrative;
  dissent?: Markdown | null;
  heldOn?: IsoDate;
  /**
   * @maxItems 200
   */
  scores?: Score[];
}
export interface FeedbackCreate {
  /**
   * @minItems 1
   * @maxItems 200
   */
  storyIds?: [Uuid, ...Uuid[]];
  method: Title;
  givenOn: IsoDate;
  note: Narrative;
}
export interface SelectionsListQuery {
  page?: string;
  pageSize?: string;
  domain?: string;
  level?: string;
  harvest?: string;
}
export interface Round {
  id?: string;
  level?: SelectionsLevel;
  domain?: string;
  harvestId?: string | null;
  panel?: unknown[];
  heldOn?: string;
  /**
   * null once the selected story was withdrawn: the panel's words about it went with it
   */
  reasons?: string | null;
  dissent?: string | null;
  selectedStoryId?: string | null;
  /**
   * the selected story was withdrawn by its storyteller
   */
  selectedWithdrawn?: boolean;
  stories?: unknown[];
  feedback?: unknown[];
}
export interface RoundList {
  items?: Round[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface StoryPath {
  storyId?: string;
  selectedUpTo?: SelectionsLevel | null;
  items?: unknown[];
  total?: number;
}
export interface Storyteller {
  role: Title;
  ageBand?: AgeBand;
  gender?: ShortText;
  place?: ShortText;
  name?: Title;
}
/**
 * A draft: a title at least; what else it needs before submission is storyComplete
 */
export interface StoryCreate {
  title: Title;
  story?: Narrative;
  whySignificant?: Markdown;
  domain?: DomainCode;
  harvestId?: Uuid | null;
  collectedBy?: Title;
  collectedOn?: IsoDate;
  location?: StoriesLocation;
  language?: ContentLanguage;
  storyteller?: Storyteller;
  consent?: Consent | null;
  goals?: OutcomesGoals;
  sensitivity?: Sensitivity;
}
export interface StoryPatch {
  title?: Title;
  story?: Narrative;
  whySignificant?: Markdown;
  domain?: DomainCode;
  harvestId?: Uuid | null;
  collectedBy?: Title;
  collectedOn?: IsoDate;
  location?: StoriesLocation;
  language?: ContentLanguage;
  storyteller?: Storyteller;
  goals?: OutcomesGoals;
  sensitivity?: Sensitivity;
}
export interface StoriesTransition {
  to: StoriesStatus;
  comment?: Markdown;
  /**
   * When publishing: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
export interface StoriesTranslationCreate {
  language: ContentLanguage;
  title: Title;
  story: Narrative;
  whySignificant?: Markdown;
  translatedBy?: Title;
  /**
   * When the record is published: the ids of the findings of the check before publishing (409 needs_confirmation) that you reviewed
   *
   * @maxItems 200
   */
  confirmed?: string[];
}
export interface Withdrawal {
  reason?: Markdown;
}
export interface Tombstone {
  id?: string;
  entityType?: "story" | "fragment";
  entityId?: string;
  withdrawnAt?: string;
  reason?: string | null;
}
export interface StoriesListQuery {
  page?: string;
  pageSize?: string;
  sort?:
    | "collectedOn"
    | "-collectedOn"
    | "createdAt"
    | "-createdAt"
    | "updatedAt"
    | "-updatedAt"
    | "title"
    | "-title"
    | "status"
    | "-status"
    | "relevance";
  goal?: string;
  org?: string;
  programme?: string;
  harvest?: string;
  domain?: string;
  country?: string;
  status?: string;
  sensitivity?: string;
  consent?: string;
  language?: string;
  from?: string;
  to?: string;
  q?: string;
}
export interface Story {
  id?: string;
  status?: StoriesStatus;
  title?: string;
  story?: string;
  whySignificant?: string;
  domain?: string;
  harvestId?: string | null;
  collectedBy?: string | null;
  collectedOn?: string;
  location?: {};
  language?: string;
  storyteller?: {} | null;
  consent?: {} | null;
  goals?: GoalTag[];
  sensitivity?: string;
  organisation?: Ref;
  translations?: unknown[];
  files?: unknown[];
  redacted?: boolean;
  can?: Can;
  createdAt?: string;
  updatedAt?: string;
}
export interface StoryList {
  items?: Story[];
  total?: number;
  page?: number;
  pageSize?: number;
}
export interface Substantiator {
  name: Title;
  relationship: Title;
  contact?: Title;
}
export interface SubstantiationCreate {
  substantiator: Substantiator;
  independent: boolean;
}
export interface Answer {
  description: Verdict;
  significance: Verdict;
  contribution: Verdict;
  comments?: Markdown;
  answeredOn: IsoDate;
}
/**
 * What the substantiator's form sends (application/x-www-form-urlencoded)
 */
export interface LinkAnswer {
  description: Verdict;
  significance: Verdict;
  contribution: Verdict;
  comments?: Markdown;
}
export interface PageQuery {
  lang?: string;
}
/**
 * substantiator, comments and who entered the answer only for the programme's evaluators and admins
 */
export interface Substantiation {
  id?: string;
  outcomeId?: string;
  status?: "pending" | "answered";
  independent?: boolean;
  substantiator?: {} | null;
  answer?: {} | null;
  redacted?: boolean;
  createdAt?: string;
  erasedAt?: string | null;
}
export interface SubstantiationList {
  items?: Substantiation[];
  total?: number;
  page?: number;
  pageSize?: number;
  conclusion?: {} | null;
}
