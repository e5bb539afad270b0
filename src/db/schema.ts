import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// One typed interface for both engines. Dates are ISO strings (YYYY-MM-DD), instants are
// ISO strings (YYYY-MM-DDTHH:MM:SSZ), times are HH:MM. Boolean columns are named is_*/has_*
// so that src/db/booleans.ts can normalise them on SQLite, which has no boolean type.

type Id = Generated<number>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;
type Text = string | null;
/** A column with a database default: optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AuthorityTable {
  id: Id;
  name: string;
  slug: string;
  nation: string;
  governance: Text;
  call_in_working_days: ColumnType<number, number | undefined, number>;
  key_decision_threshold: number | null;
}

export interface BodyTable {
  id: Id;
  authority_id: number;
  name: string;
  slug: string;
  kind: string;
  purpose: Text;
  is_joint: Flag;
  day_counting: ColumnType<string, string | undefined, string>;
}

/** The authorities of a joint body; the body's own authority_id is its lead authority. */
export interface BodyAuthorityTable {
  body_id: number;
  authority_id: number;
}

export interface PersonTable {
  id: Id;
  authority_id: number;
  name: string;
  name_key: string;
  honorific: Text;
  kind: string;
  organisation: Text;
  job_title: Text;
  party: Text;
  ward: Text;
}

export interface MembershipTable {
  id: Id;
  authority_id: number;
  person_id: number;
  body_id: number;
  role: string;
  from_date: Text;
  to_date: Text;
}

export interface MeetingTable {
  id: Id;
  authority_id: number;
  body_id: number;
  slug: string;
  date: string;
  start_time: Text;
  end_time: Text;
  venue: Text;
  status: Defaulted<string>;
  contact: Text;
  webcast_url: Text;
  is_agenda_published: Flag;
  agenda_published_on: Text;
  minutes_status: Defaulted<string>;
  /** the later meeting's minutes item at which these minutes were approved */
  minutes_approved_item_id: number | null;
}

export interface AttendanceTable {
  id: Id;
  authority_id: number;
  meeting_id: number;
  person_id: number;
  status: string;
  role: Text;
  substitute_for_person_id: number | null;
}

export interface AgendaItemTable {
  id: Id;
  authority_id: number;
  meeting_id: number;
  position: number;
  number: string;
  title: string;
  kind: string;
  description: Text;
  part: string;
  exempt_paragraph: Text;
  is_late: Flag;
  urgency_reason: Text;
  is_key_decision: Flag;
  forward_plan_ref: Text;
  lead_member_id: number | null;
  lead_officer_id: number | null;
  page_from: number | null;
  page_to: number | null;
  minutes: Text;
  is_minutes_truncated: Flag;
}

export interface DeclarationTable {
  id: Id;
  authority_id: number;
  item_id: number;
  person_id: number;
  kind: string;
  nature: Text;
}

export interface DocumentTable {
  id: Id;
  authority_id: number;
  /** the bundle's id for the document: its natural key within the authority */
  key: string;
  title: string;
  kind: string;
  media_type: Text;
  size_bytes: number | null;
  sha256: Text;
  /** where the bytes are in the file store, when the deployment holds them */
  file_key: Text;
  text: Text;
  html: Text;
  part: string;
  exempt_paragraph: Text;
  is_published: Flag;
  version: ColumnType<number, number | undefined, number>;
  published_on: Text;
  author: Text;
  publisher: Text;
  url: Text;
  body_id: number | null;
  source_file: Text;
  source_from: number | null;
  source_to: number | null;
}

export interface ItemDocumentTable {
  item_id: number;
  document_id: number;
  position: number;
}

export interface ResolutionTable {
  id: Id;
  authority_id: number;
  item_id: number;
  parent_id: number | null;
  position: number;
  number: string;
  text: string;
  verb: Text;
  is_in_principle: Flag;
  proposer_id: number | null;
  seconder_id: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  is_unanimous: Flag;
  delegated_to: Text;
  recommends_to_body_id: number | null;
  recommends_to_date: Text;
  responds_to_resolution_id: number | null;
}

export interface ConditionTable {
  id: Id;
  authority_id: number;
  resolution_id: number;
  position: number;
  group_title: string;
  text: string;
  status: Defaulted<string>;
  owner: Text;
}

export interface ConditionEvidenceTable {
  condition_id: number;
  document_id: number;
}

export interface ActionTable {
  id: Id;
  authority_id: number;
  resolution_id: number;
  position: number;
  text: string;
  owner: Text;
  owner_person_id: number | null;
  owner_body_id: number | null;
  due_date: Text;
  due_meeting_id: number | null;
  status: Defaulted<string>;
}

export interface ActionUpdateTable {
  id: Id;
  authority_id: number;
  action_id: number;
  at: string;
  account_id: number | null;
  text: string;
  status: Text;
}

export interface DecisionTable {
  id: Id;
  authority_id: number;
  item_id: number | null;
  resolution_id: number | null;
  decision_maker: string;
  decided_on: string;
  title: string;
  is_key_decision: Flag;
  published_on: Text;
  call_in_expires_on: Text;
  call_in_status: Defaulted<string>;
  urgency_reason: Text;
  implementation_on: Text;
  reasons: Text;
  options_rejected: Text;
  is_published: Flag;
}

export interface IssueTable {
  id: Id;
  authority_id: number;
  title: string;
  slug: string;
  status: Text;
  summary: Text;
}

export interface IssueItemTable {
  issue_id: number;
  item_id: number;
}

export interface IssueDocumentTable {
  issue_id: number;
  document_id: number;
}

export interface IssueEventTable {
  id: Id;
  authority_id: number;
  issue_id: number;
  date: string;
  text: string;
  event_authority_id: number | null;
  body_id: number | null;
  document_id: number | null;
}

export interface ForwardPlanEntryTable {
  id: Id;
  authority_id: number;
  reference: string;
  title: string;
  decision_maker: string;
  expected_date: Text;
  first_published: Text;
  is_exempt: Flag;
  consultees: Text;
  item_id: number | null;
}

export interface WorkProgrammeEntryTable {
  id: Id;
  authority_id: number;
  body_id: number;
  municipal_year: Text;
  position: number;
  meeting_date: Text;
  meeting_id: number | null;
  title: string;
  priority_score: number | null;
  priority_band: Text;
  reason: Text;
  responsible: Text;
  kind: Text;
}

export interface ImpactAssessmentTable {
  id: Id;
  authority_id: number;
  document_id: number | null;
  item_id: number | null;
  kind: string;
  owner: Text;
  assessed_on: Text;
  approved_by: Text;
  /** JSON: the assessment's stages, characteristics, impacts and actions */
  content: string;
}

/** Where an imported record came from: a source document and a character span of its text. */
export interface ProvenanceTable {
  id: Id;
  authority_id: number;
  record_table: string;
  record_id: number;
  source_file: string;
  source_from: number;
  source_to: number;
  document_id: number | null;
  imported_at: string;
}

export interface AccountTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  is_disabled: Flag;
  created_at: string;
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  locked_until: Text;
  /** when the current run of failed sign-ins began (src/domain/lockout.ts) */
  failed_since: Text;
  /** the person the account is: a councillor reads the exempt papers of the bodies they sit on */
  person_id: number | null;
}

export interface AccountRoleTable {
  account_id: number;
  authority_id: number;
  role: string;
}

export interface SessionTable {
  id: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  csrf_secret: string;
}

export interface AuditEntryTable {
  id: Id;
  at: string;
  actor: string;
  account_id: number | null;
  authority_id: number | null;
  action: string;
  record_table: string;
  record_id: string;
  before: Text;
  after: Text;
  reason: Text;
}

export interface RecordVersionTable {
  id: Id;
  authority_id: number;
  record_table: string;
  record_id: number;
  version: number;
  at: string;
  reason: string;
  snapshot: string;
}

/** The search index: one row per searchable passage (a document is indexed page by page). */
export interface SearchEntryTable {
  id: Id;
  authority_id: number;
  kind: string;
  record_id: number;
  page: number | null;
  title: string;
  body: string;
  date: Text;
  body_id: number | null;
  is_public: Flag;
}

/** A built agenda pack: its bytes are in the file store under file_key (their SHA-256). */
export interface PackBuildTable {
  id: Id;
  authority_id: number;
  meeting_id: number;
  /** "agenda" | "supplement" */
  kind: string;
  /** "public" | "restricted" */
  audience: string;
  /** SHA-256 of everything the pack was built from: facts, papers' hashes, compiler version */
  input_hash: string;
  file_key: string;
  page_count: number;
  size_bytes: number;
  built_at: string;
}

export interface Database {
  authorities: AuthorityTable;
  bodies: BodyTable;
  body_authorities: BodyAuthorityTable;
  people: PersonTable;
  memberships: MembershipTable;
  meetings: MeetingTable;
  attendances: AttendanceTable;
  agenda_items: AgendaItemTable;
  declarations: DeclarationTable;
  documents: DocumentTable;
  item_documents: ItemDocumentTable;
  resolutions: ResolutionTable;
  conditions: ConditionTable;
  condition_evidence: ConditionEvidenceTable;
  actions: ActionTable;
  action_updates: ActionUpdateTable;
  decisions: DecisionTable;
  issues: IssueTable;
  issue_items: IssueItemTable;
  issue_documents: IssueDocumentTable;
  issue_events: IssueEventTable;
  forward_plan_entries: ForwardPlanEntryTable;
  work_programme_entries: WorkProgrammeEntryTable;
  impact_assessments: ImpactAssessmentTable;
  provenance: ProvenanceTable;
  accounts: AccountTable;
  account_roles: AccountRoleTable;
  sessions: SessionTable;
  audit_log: AuditEntryTable;
  record_versions: RecordVersionTable;
  search_entries: SearchEntryTable;
  pack_builds: PackBuildTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
export type NewRow<T extends TableName> = Insertable<Database[T]>;
export type RowChanges<T extends TableName> = Updateable<Database[T]>;
