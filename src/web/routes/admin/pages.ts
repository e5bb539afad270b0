import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../../db/connect.js";
import { can, type Action, type Resource } from "../../../domain/policy.js";
import { actorFor, type SignedInAccount } from "../../../records/accounts.js";
import type { FileStore } from "../../../records/files.js";
import { keepVersion, type VersionedRow, type VersionedTable } from "../../../records/versions.js";
import { write, type Writer } from "../../../records/writer.js";
import { formView } from "../../forms/form-view.js";
import {
  rawFromValues,
  rawValues,
  optionalText,
  readForm,
  textValue,
  type Field,
  type RawValues,
  type Values,
} from "../../forms/fields.js";
import { londonDate } from "../../format.js";
import { requireSignIn, signedInOn } from "../../plugins/auth.js";
import { csrfToken } from "../../plugins/csrf.js";
import { sendPage } from "../../render.js";
import type { BackOfficeDeps } from "./deps.js";
import type { Section } from "./overview.js";
import { readUpload, type Upload } from "./uploads.js";

// The back office's pages, each defined as data: where it is, what it is about (loaded from the
// address), which action of the policy it needs on which record, and for a form, its fields and
// how to save them. One function registers every page the same way, so that every page checks
// sign-in and permission before anything else, every form shows the GOV.UK error summary, and
// every save is one audited transaction. The authorisation matrix test walks ADMIN_PAGES.

export type AdminDeps = BackOfficeDeps & { files: FileStore };

export type Params = Record<string, string>;

/** What every page needs to know about the record it is for. */
export type Guard<C> = {
  path: string;
  /** The record(s) the page is about, from the address; null when there is none (404). */
  load(db: Db, params: Params, today: string): Promise<C | null>;
  action: Action;
  resource(context: C): Resource;
  /** Whether a refusal says "not found" for this record, as for "read-exempt" and "read-draft":
   * a Part II or unpublished record on a page whose action is "read-records". */
  hidesRefusal?(context: C): boolean;
};

/** A line on a form page above the fields: advice, or a warning from the deadline rules. */
export type Note = { text: string; isWarning?: boolean };

export type Saved = { location: string; notice: Notice };

export type SaveInput = {
  values: Values;
  upload: Upload | null;
  account: SignedInAccount;
  now: Date;
  deps: AdminDeps;
};

export type FormPageDefinition<C> = Guard<C> & {
  title(context: C): string;
  caption(context: C): string;
  back(context: C): string;
  fields(context: C): readonly Field[];
  initial?(context: C): Values;
  submit: string;
  /** Checks across fields, after each field's own: a message for each field that is wrong. */
  check?(values: Values, context: C, account: SignedInAccount): Record<string, string>;
  /** Checks of the file sent, once every field is right (reading its text, say): a message for
   * the file's field when it is wrong, so that nothing is saved. */
  checkUpload?(upload: Upload, context: C): Promise<Record<string, string>>;
  /** A record the public can already see, which this form changes: a reason is asked for, and
   * the record as it was is kept as a version (src/records/versions.ts). */
  amends?(context: C): Amended | null;
  /** While the record is not yet public, a reason may still be given, for the audit log only. */
  asksDraftReason?: boolean;
  notes?(context: C, today: string): Note[];
  save(w: Writer, context: C, input: SaveInput): Promise<Saved>;
  /** a form that sends a file */
  isUpload?: boolean;
  /** For a record already past what the form does (an agenda already published): what to say
   * instead of the form. The page shows it with no button; a post is refused (409) with the same
   * page and saves nothing. */
  closed?(context: C): string[] | null;
};

export type Amended = { table: VersionedTable; before: VersionedRow };

export type ViewPageDefinition<C> = Guard<C> & {
  render(
    context: C,
    request: ViewRequest,
  ): Promise<{ template: string; page: Record<string, unknown> & { pageTitle: string }; status?: number }>;
};

export type ViewRequest = {
  account: SignedInAccount;
  today: string;
  notice: string | null;
  csrfToken: string;
  deps: AdminDeps;
  /** the query string's single values, for a page that filters (a GET form) */
  query: Params;
};

/** The sections one part of the back office adds to another's record page. */
export type SectionsOf<T> = (record: T, request: ViewRequest) => Promise<Section[]>;

/** What the matrix test and the registration need of any page, whatever its record. */
export type AdminPage = {
  path: string;
  method: "GET" | "POST";
  action: Action;
  /** The page's record and form fields for these parameters, or null if there is none. */
  describe(
    db: Db,
    params: Params,
    today: string,
  ): Promise<{ resource: Resource; fields: readonly Field[] } | null>;
  register(app: FastifyInstance, deps: AdminDeps): void;
};

const REASON_FIELD: Field = {
  kind: "textarea",
  name: "amendment-reason",
  label: "Reason for the change",
  hint: "This is published with the record, which will say it was amended and when",
  isRequired: true,
  maxLength: 500,
  rows: 3,
};

const DRAFT_REASON_FIELD: Field = {
  kind: "textarea",
  name: "reason",
  label: "Reason (optional)",
  hint: "Kept in the audit log with the change. The record is not published yet, so the reason is not either.",
  maxLength: 500,
  rows: 3,
};

/** What a confirmation banner says after a save; a redirect names one by key. */
export const NOTICES = {
  saved: "Your changes have been saved",
  added: "Added",
  removed: "Removed",
  published: "Published",
  cancelled: "The meeting has been cancelled",
  scheduled: "The meetings have been scheduled",
  uploaded: "The document has been uploaded",
  moved: "The agenda item has been moved",
  kept: "Nothing has been removed",
} as const;
export type Notice = keyof typeof NOTICES;

function noticeText(query: unknown): string | null {
  if (typeof query !== "object" || query === null || !("notice" in query)) return null;
  const key = query.notice;
  return typeof key === "string" && Object.hasOwn(NOTICES, key) ? NOTICES[key as Notice] : null;
}

export function withNotice(location: string, notice: Notice): string {
  return `${location}${location.includes("?") ? "&" : "?"}notice=${notice}`;
}

/** The single text values of the path's parameters or the query string. */
function textsOf(record: unknown): Params {
  const texts: Params = {};
  if (typeof record === "object" && record !== null) {
    for (const [name, value] of Object.entries(record)) {
      if (typeof value === "string") texts[name] = value;
    }
  }
  return texts;
}

const HIDDEN_WHEN_REFUSED: ReadonlySet<Action> = new Set(["read-exempt", "read-draft"]);

async function forbidden(reply: FastifyReply): Promise<FastifyReply> {
  return sendPage(reply.code(403), "admin/forbidden.njk", { pageTitle: "You cannot do that" });
}

async function notFound(reply: FastifyReply): Promise<FastifyReply> {
  return sendPage(reply.code(404), "errors/not-found.njk", { pageTitle: "Page not found" });
}

/** Signed in, the record exists, and the policy allows it: the context; otherwise the reply. */
export async function guarded<C>(
  guard: Guard<C>,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AdminDeps,
): Promise<{ context: C; account: SignedInAccount; today: string } | FastifyReply> {
  const { account } = signedInOn(request);
  const today = londonDate(deps.now());
  const params = textsOf(request.params);
  // An id that is not a number names nothing, and is not worth a query.
  if (Object.values(params).some((value) => !/^\d{1,12}$/.test(value))) return notFound(reply);
  const context = await guard.load(deps.db, params, today);
  if (context === null) return notFound(reply);
  if (!can(account, guard.action, guard.resource(context))) {
    request.log.info({ accountId: account.id, action: guard.action, path: guard.path }, "refused");
    // Exempt and draft papers are not there at all for those who may not read them: even that
    // such a paper exists is not theirs to know.
    const hidden = HIDDEN_WHEN_REFUSED.has(guard.action) || guard.hidesRefusal?.(context) === true;
    return hidden ? notFound(reply) : forbidden(reply);
  }
  return { context, account, today };
}

export function isReply(value: unknown): value is FastifyReply {
  return typeof value === "object" && value !== null && "sent" in value && "raw" in value;
}

export function viewPage<C>(definition: ViewPageDefinition<C>): AdminPage {
  return {
    path: definition.path,
    method: "GET",
    action: definition.action,
    async describe(db, params, today) {
      const context = await definition.load(db, params, today);
      return context === null ? null : { resource: definition.resource(context), fields: [] };
    },
    register(app, deps) {
      app.get(definition.path, { preHandler: requireSignIn }, async (request, reply) => {
        const found = await guarded(definition, request, reply, deps);
        if (isReply(found)) return found;
        const { template, page, status } = await definition.render(found.context, {
          account: found.account,
          today: found.today,
          notice: noticeText(request.query),
          csrfToken: csrfToken(request, reply),
          deps,
          query: textsOf(request.query),
        });
        return sendPage(reply.code(status ?? 200), template, {
          page,
          pageTitle: page.pageTitle,
          section: "admin",
        });
      });
    },
  };
}

function formFields<C>(definition: FormPageDefinition<C>, context: C): readonly Field[] {
  const fields = definition.fields(context);
  if (definition.amends?.(context)) return [...fields, REASON_FIELD];
  return definition.asksDraftReason ? [...fields, DRAFT_REASON_FIELD] : fields;
}

/** The reason the audit rows of this save carry: an amendment's, or a draft's if one was given. */
function reasonGiven(amended: Amended | null, values: Values): string | undefined {
  if (amended !== null) return textValue(values, REASON_FIELD.name);
  return optionalText(values, DRAFT_REASON_FIELD.name) ?? undefined;
}

export function formPage<C>(definition: FormPageDefinition<C>): AdminPage {
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { context: C; today: string },
    raw: RawValues,
    errors: Record<string, string>,
  ) {
    const { context, today } = found;
    const fields = formFields(definition, context);
    const form = formView(fields, raw, errors);
    const hasErrors = form.errorList.length > 0;
    const title = definition.title(context);
    const page = {
      pageTitle: hasErrors ? `Error: ${title}` : title,
      title,
      caption: definition.caption(context),
      back: definition.back(context),
      notes: definition.notes?.(context, today) ?? [],
      isAmendment: definition.amends?.(context) != null,
      form,
      submit: definition.submit,
      action: request.url.split("?")[0],
      isUpload: definition.isUpload === true,
      csrfToken: csrfToken(request, reply),
    };
    return sendPage(reply.code(hasErrors ? 400 : 200), "admin/form.njk", {
      page,
      pageTitle: page.pageTitle,
      section: "admin",
    });
  }

  async function showClosed(
    request: FastifyRequest,
    reply: FastifyReply,
    context: C,
    paragraphs: string[],
    status: number,
  ) {
    const title = definition.title(context);
    const page = {
      pageTitle: title,
      title,
      caption: definition.caption(context),
      back: definition.back(context),
      notice: null,
      csrfToken: csrfToken(request, reply),
      sections: [{ paragraphs }],
    };
    return sendPage(reply.code(status), "admin/overview.njk", { page, pageTitle: title, section: "admin" });
  }

  return {
    path: definition.path,
    method: "POST",
    action: definition.action,
    async describe(db, params, today) {
      const context = await definition.load(db, params, today);
      // A closed form has no form to fill in or send.
      if (context === null || (definition.closed?.(context) ?? null) !== null) return null;
      return { resource: definition.resource(context), fields: formFields(definition, context) };
    },
    register(app, deps) {
      app.get(definition.path, { preHandler: requireSignIn }, async (request, reply) => {
        const found = await guarded(definition, request, reply, deps);
        if (isReply(found)) return found;
        const closed = definition.closed?.(found.context) ?? null;
        if (closed !== null) return showClosed(request, reply, found.context, closed, 200);
        const initial = definition.initial?.(found.context) ?? {};
        return show(request, reply, found, rawFromValues(definition.fields(found.context), initial), {});
      });

      app.post(definition.path, { preHandler: requireSignIn }, async (request, reply) => {
        const found = await guarded(definition, request, reply, deps);
        if (isReply(found)) return found;
        const { context, account } = found;
        const closed = definition.closed?.(context) ?? null;
        if (closed !== null) return showClosed(request, reply, context, closed, 409);
        const fields = formFields(definition, context);
        const raw = rawValues(request.body);
        const { values, errors } = readForm(fields, raw);
        const upload = definition.isUpload ? await readUpload(request.body, fields, errors) : null;
        if (Object.keys(errors).length === 0)
          Object.assign(errors, definition.check?.(values, context, account) ?? {});
        if (Object.keys(errors).length === 0 && upload !== null)
          Object.assign(errors, (await definition.checkUpload?.(upload, context)) ?? {});
        if (Object.keys(errors).length > 0) return show(request, reply, found, raw, errors);

        const now = deps.now();
        const amended = definition.amends?.(context) ?? null;
        const reason = reasonGiven(amended, values);
        const saved = await write(
          deps.db,
          actorFor(account),
          async (w) => {
            if (amended !== null && reason !== undefined) {
              await keepVersion(w, amended.table, amended.before, reason, now.toISOString());
            }
            return definition.save(w, context, { values, upload, account, now, deps });
          },
          { reason },
        );
        return reply.redirect(withNotice(saved.location, saved.notice), 303);
      });
    },
  };
}
