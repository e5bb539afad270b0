// The bundle: the one JSON format for imports and exports (DESIGN.md section 4).
// The core shape is fixed because other tools read it; fields marked "extension"
// are Witan's additions, all optional, so any core bundle stays valid.

export const NATIONS = ["england", "wales", "scotland", "northern-ireland"] as const;
export type Nation = (typeof NATIONS)[number];

/** The nation this text names, or undefined. */
export function asNation(value: string): Nation | undefined {
  return NATIONS.find((nation) => nation === value);
}
export type Part = "I" | "II";
export type MinutesStatus = "none" | "draft" | "approved";
export type AttendanceStatus = "present" | "apologies" | "absent" | "substitute" | "in-attendance";
export type PersonKind = "councillor" | "officer" | "external";
export type PriorityBand = "low" | "medium" | "high";

export const BUNDLE_FORMAT = "witan-bundle/1";

export type Bundle = {
  format: typeof BUNDLE_FORMAT;
  authorities: BundleAuthority[];
  bodies: BundleBody[];
  people: BundlePerson[];
  memberships: BundleMembership[];
  meetings: BundleMeeting[];
  documents: BundleDocument[];
  issues: BundleIssue[];
  workProgramme: BundleWorkProgrammeEntry[];
  /** extension: key-decision notices */
  forwardPlan?: BundleForwardPlanEntry[];
  /** extension: executive decision records */
  decisions?: BundleDecision[];
};

/** Whether a bundle records anything beyond the authorities, bodies and people it names: an
 * imported file that gives only those was not understood. */
export function recordsNothing(bundle: Bundle): boolean {
  return (
    bundle.meetings.length === 0 &&
    bundle.memberships.length === 0 &&
    bundle.documents.length === 0 &&
    bundle.issues.length === 0 &&
    bundle.workProgramme.length === 0 &&
    (bundle.forwardPlan ?? []).length === 0 &&
    (bundle.decisions ?? []).length === 0
  );
}

export type BundleAuthority = {
  name: string;
  nation?: Nation;
  /** extension: "leader-and-cabinet" | "mayor-and-cabinet" | "committee-system" | "government-department" | … */
  governance?: string;
};

export type BundleBody = {
  name: string;
  authority: string | null;
  /** the authorities of a joint body */
  authorities?: string[];
  kind: string;
  /** extension */
  purpose?: string;
};

export type BundlePerson = {
  name: string;
  honorific?: string;
  kind: PersonKind;
  authority?: string;
  organisation?: string;
  jobTitle?: string;
  party?: string;
  ward?: string;
};

export type BundleMembership = {
  person: string;
  body: string;
  authority: string;
  role: string;
  /** extension: YYYY-MM-DD */
  from?: string;
  /** extension: YYYY-MM-DD */
  to?: string;
};

export type BundleAttendance = {
  person: string;
  status: AttendanceStatus;
  role?: string;
  /** extension: the member this person substituted for */
  substituteFor?: string;
};

export type BundleMeeting = {
  authority: string;
  body: string;
  date: string;
  start?: string;
  end?: string;
  venue?: string;
  contact?: string;
  agendaPublished?: string;
  /** extension: the agenda is public even where its publication date is not known;
   * a meeting with neither this nor agendaPublished is treated as unpublished */
  published?: boolean;
  minutesStatus?: MinutesStatus;
  /** extension: "scheduled" | "cancelled" | "held" */
  status?: string;
  /** extension */
  webcast?: string;
  attendance: BundleAttendance[];
  items: BundleItem[];
};

export type BundleDeclaration = { person: string; kind: string; nature?: string };

export type BundleItem = {
  number: string;
  title: string;
  kind: string;
  part: Part;
  pages?: [number, number];
  minutes?: string;
  minutesTruncated?: boolean;
  resolutions: Resolution[];
  declarations: BundleDeclaration[];
  documents: string[];
  /** extension */
  description?: string;
  /** extension: Schedule 12A paragraph for a Part II item */
  exemptParagraph?: string;
  /** extension: late item, with the chair's reason for urgency (LGA 1972 s.100B(4)(b)) */
  late?: boolean;
  urgencyReason?: string;
  /** extension */
  keyDecision?: boolean;
  forwardPlanRef?: string;
  leadMember?: string;
  leadOfficer?: string;
  /** extension: where the item's facts were read from */
  source?: SourceSpan;
};

export type SourceSpan = { file: string; from: number; to: number };

export type ResolutionRef = { authority: string; body: string; date: string; item: string; number: string };

export type Resolution = {
  number: string;
  text: string;
  verb?: string;
  inPrinciple?: boolean;
  proposer?: string;
  seconder?: string;
  votes?: { for?: number; against?: number; abstain?: number; unanimous?: boolean };
  recommendsTo?: { authority: string; body: string; date?: string };
  /** extension: the earlier resolution this one answers (Council endorsing a Cabinet recommendation) */
  respondsTo?: ResolutionRef;
  /** extension: to whom a power is delegated */
  delegatedTo?: string;
  conditions?: BundleCondition[];
  actions?: BundleAction[];
  children: Resolution[];
};

export type BundleCondition = {
  group: string;
  text: string;
  /** extension: "open" | "evidence-submitted" | "assured" | "not-assured" */
  status?: string;
  owner?: string;
};

export type BundleAction = {
  text: string;
  owner?: string;
  due?: string;
  /** extension: "open" | "done" | "cancelled" */
  status?: string;
};

export type BundleDocument = {
  id: string;
  title: string;
  kind: string;
  mediaType?: string;
  sizeBytes?: number;
  published?: string;
  author?: string;
  publisher?: string;
  text?: string;
  source?: SourceSpan;
  /** extension: the authority that holds the document; defaults to the item's */
  authority?: string;
  /** extension: Part II documents are exempt and never public */
  part?: Part;
  exemptParagraph?: string;
  /** extension: the address a published copy came from */
  url?: string;
  /** extension: the body the document was written for, where it is not linked to an item */
  body?: string;
  /** extension: SHA-256 of the original file; the deployment's file store holds its bytes */
  sha256?: string;
};

export type BundleIssueItem = { authority: string; body: string; date: string; number: string };

export type BundleIssue = {
  title: string;
  items: BundleIssueItem[];
  documents?: string[];
  /** extension */
  authority?: string;
  status?: string;
  summary?: string;
  /** extension: dated events in the issue's story that are not agenda items of a recorded meeting */
  events?: BundleIssueEvent[];
};

export type BundleIssueEvent = {
  date: string;
  text: string;
  authority?: string;
  body?: string;
  /** id of the document that reports the event */
  document?: string;
};

export type BundleWorkProgrammeEntry = {
  authority: string;
  body: string;
  meetingDate: string | null;
  title: string;
  priorityScore?: number;
  priorityBand?: PriorityBand;
  reason?: string;
  responsible?: string;
  kind?: string;
  /** extension: e.g. "2017/18" */
  municipalYear?: string;
};

export type BundleForwardPlanEntry = {
  authority: string;
  reference: string;
  title: string;
  decisionMaker: string;
  expectedDate?: string;
  firstPublished?: string;
  exempt?: boolean;
  consultees?: string;
};

/** Where a decision stands against call-in (LGA 2000 s.9F): "not-applicable" where no call-in
 * applies (a non-executive or urgent decision); absent from a bundle when it is not recorded. */
export type CallInStatus = "not-applicable" | "open" | "not-called-in" | "called-in";

/** An executive decision record, known by its authority, date and title. */
export type BundleDecision = {
  authority: string;
  decisionMaker: string;
  date: string;
  title: string;
  /** the agenda item at which it was taken, in the same authority */
  item?: { body: string; date: string; number: string };
  keyDecision?: boolean;
  /** when the decision notice was published */
  published?: string;
  callInExpires?: string;
  callInStatus?: CallInStatus;
  implementation?: string;
  urgencyReason?: string;
  reasons?: string;
  optionsRejected?: string;
};

export function emptyBundle(): Bundle {
  return {
    format: BUNDLE_FORMAT,
    authorities: [],
    bodies: [],
    people: [],
    memberships: [],
    meetings: [],
    documents: [],
    issues: [],
    workProgramme: [],
  };
}
