import { createHash } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Db } from "../../../src/db/connect.js";
import type { Field } from "../../../src/web/forms/fields.js";
import type { AdminPage, Params } from "../../../src/web/routes/admin/pages.js";
import type { Resource } from "../../../src/domain/policy.js";
import { createAccount } from "../../../src/records/accounts.js";
import { PASSWORD, formBody, tokenIn, type BackOffice, type User } from "../../support/back-office.js";
import { TEST_ACTOR } from "../../support/demo.js";

// Fills the parameters of a back-office page's path (":authority", ":meeting", …) with the ids
// of real records of one authority in the demo data, for the tests that walk every page
// (matrix.test.ts, bad-input.test.ts, test/browser/admin-axe.test.ts). A record the demo lacks
// is made here, directly in the database, as a test fixture. Records of a joint body are never
// chosen: another authority takes part in those, so "another authority's record" would not be.
// A parameter name this file does not know fails the test with its name, so that whoever adds
// a page with a new kind of record adds a line to RESOLVERS below.

/** The records a page may be about, by the parameter name pages give them. */
type Resolver = (db: Db, authorityId: number) => Promise<number[]>;

const CANDIDATES = 30;

/** The authority's bodies that are its own, not joint ones. */
async function ownBodyIds(db: Db, authorityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("bodies")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where("is_joint", "=", false)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

async function firstBody(db: Db, authorityId: number): Promise<number> {
  const [id] = await ownBodyIds(db, authorityId);
  if (id !== undefined) return id;
  return insertId(
    db
      .insertInto("bodies")
      .values({
        authority_id: authorityId,
        name: "Fixture Committee",
        slug: "fixture-committee",
        kind: "committee",
      })
      .returning("id"),
  );
}

async function insertId(query: { executeTakeFirstOrThrow(): Promise<{ id: number }> }): Promise<number> {
  return (await query.executeTakeFirstOrThrow()).id;
}

/** The ids of a table's rows whose `column` is one of `parents`, the first made by `make` when
 * there are none. */
async function childIds(
  db: Db,
  table: string,
  column: string,
  parents: readonly number[],
  make: () => Promise<number>,
): Promise<number[]> {
  const rows =
    parents.length === 0
      ? []
      : (
          await sql<{
            id: number;
          }>`select id from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join([...parents])}) order by id limit ${CANDIDATES}`.execute(
            db,
          )
        ).rows;
  return rows.length > 0 ? rows.map((row) => Number(row.id)) : [await make()];
}

async function meetingIds(db: Db, authorityId: number): Promise<number[]> {
  const ids = await anyMeetingIds(db, authorityId);
  return [...ids, ...(await draftMeetingIds(db, authorityId, ids))];
}

/** A meeting whose agenda is not yet published, last, made when the authority has none:
 * publishing an agenda is a form only for such a meeting. */
async function draftMeetingIds(db: Db, authorityId: number, known: readonly number[]): Promise<number[]> {
  const bodies = await ownBodyIds(db, authorityId);
  const draft = await db
    .selectFrom("meetings")
    .select("id")
    .where("body_id", "in", bodies.length > 0 ? bodies : [0])
    .where("is_agenda_published", "=", false)
    .orderBy("id")
    .executeTakeFirst();
  if (draft !== undefined) return known.includes(draft.id) ? [] : [draft.id];
  const bodyId = await firstBody(db, authorityId);
  const values = {
    authority_id: authorityId,
    body_id: bodyId,
    slug: `fixture-draft-${bodyId}`,
    date: "2026-04-27",
    is_agenda_published: false,
  };
  return [await insertId(db.insertInto("meetings").values(values).returning("id"))];
}

async function anyMeetingIds(db: Db, authorityId: number): Promise<number[]> {
  const bodies = await ownBodyIds(db, authorityId);
  return childIds(db, "meetings", "body_id", bodies, async () => {
    const bodyId = await firstBody(db, authorityId);
    const values = {
      authority_id: authorityId,
      body_id: bodyId,
      slug: `fixture-${bodyId}`,
      date: "2026-04-20",
    };
    return insertId(db.insertInto("meetings").values(values).returning("id"));
  });
}

/** Items of the authority's meetings; made when there are none, a minutes item and a report. */
async function itemIds(db: Db, authorityId: number): Promise<number[]> {
  const meetings = await meetingIds(db, authorityId);
  return childIds(db, "agenda_items", "meeting_id", meetings, async () => {
    const made: number[] = [];
    for (const [index, kind] of ["minutes", "report"].entries()) {
      const values = {
        authority_id: authorityId,
        meeting_id: meetings[0] ?? 0,
        position: index + 1,
        number: String(index + 1),
        title: `Fixture item ${index + 1}`,
        kind,
        part: "I",
      };
      made.push(await insertId(db.insertInto("agenda_items").values(values).returning("id")));
    }
    return made[0] ?? 0;
  });
}

/** The authority's people, but not the councillors the tests sign in as. */
async function personIds(db: Db, authorityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("people")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where("name", "not like", "Councillor %@example.gov.uk")
    .orderBy("id")
    .limit(CANDIDATES)
    .execute();
  if (rows.length > 0) return rows.map((row) => row.id);
  const values = {
    authority_id: authorityId,
    name: "Fixture Person",
    name_key: "fixture person",
    kind: "councillor",
  };
  return [await insertId(db.insertInto("people").values(values).returning("id"))];
}

async function membershipIds(db: Db, authorityId: number): Promise<number[]> {
  const bodies = new Set(await ownBodyIds(db, authorityId));
  const people = await personIds(db, authorityId);
  const ids = await childIds(db, "memberships", "person_id", people, async () => {
    const values = {
      authority_id: authorityId,
      person_id: people[0] ?? 0,
      body_id: await firstBody(db, authorityId),
      role: "member",
    };
    return insertId(db.insertInto("memberships").values(values).returning("id"));
  });
  const rows = await db.selectFrom("memberships").select(["id", "body_id"]).where("id", "in", ids).execute();
  return rows.filter((row) => bodies.has(row.body_id)).map((row) => row.id);
}

async function resolutionIds(db: Db, authorityId: number): Promise<number[]> {
  const items = await itemIds(db, authorityId);
  return childIds(db, "resolutions", "item_id", items, () => {
    const values = {
      authority_id: authorityId,
      item_id: items[items.length - 1] ?? 0,
      position: 1,
      number: "1",
      text: "That the fixture be noted.",
    };
    return insertId(db.insertInto("resolutions").values(values).returning("id"));
  });
}

async function conditionIds(db: Db, authorityId: number): Promise<number[]> {
  const resolutions = await resolutionIds(db, authorityId);
  return childIds(db, "conditions", "resolution_id", resolutions, () => {
    const values = {
      authority_id: authorityId,
      resolution_id: resolutions[0] ?? 0,
      position: 1,
      group_title: "Fixture conditions",
      text: "A fixture condition",
    };
    return insertId(db.insertInto("conditions").values(values).returning("id"));
  });
}

async function actionIds(db: Db, authorityId: number): Promise<number[]> {
  const resolutions = await resolutionIds(db, authorityId);
  return childIds(db, "actions", "resolution_id", resolutions, () => {
    const values = {
      authority_id: authorityId,
      resolution_id: resolutions[0] ?? 0,
      position: 1,
      text: "A fixture action",
    };
    return insertId(db.insertInto("actions").values(values).returning("id"));
  });
}

async function declarationIds(db: Db, authorityId: number): Promise<number[]> {
  const items = await itemIds(db, authorityId);
  const [person] = await personIds(db, authorityId);
  return childIds(db, "declarations", "item_id", items, () => {
    const values = {
      authority_id: authorityId,
      item_id: items[0] ?? 0,
      person_id: person ?? 0,
      kind: "other",
    };
    return insertId(db.insertInto("declarations").values(values).returning("id"));
  });
}

async function decisionIds(db: Db, authorityId: number): Promise<number[]> {
  const items = await itemIds(db, authorityId);
  const query = db
    .selectFrom("decisions")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where((eb) => eb.or([eb("item_id", "is", null), eb("item_id", "in", items)]));
  const drafts = await query.where("is_published", "=", false).orderBy("id").limit(CANDIDATES).execute();
  if (drafts.length === 0) {
    await db
      .insertInto("decisions")
      .values({
        authority_id: authorityId,
        decision_maker: "Cabinet",
        decided_on: "2026-02-20",
        title: "A fixture decision",
      })
      .execute();
  }
  const rows = await query
    .orderBy(sql`case when is_published then 1 else 0 end`)
    .orderBy("id")
    .limit(CANDIDATES)
    .execute();
  return rows.map((row) => row.id);
}

async function documentIds(db: Db, authorityId: number): Promise<number[]> {
  const bodies = await ownBodyIds(db, authorityId);
  const rows = await db
    .selectFrom("documents")
    .select("id")
    .where("authority_id", "=", authorityId)
    .where((eb) => eb.or([eb("body_id", "is", null), eb("body_id", "in", bodies.length > 0 ? bodies : [0])]))
    // Documents whose file is held first, for the pages that send the file.
    .orderBy(sql`case when file_key is null then 1 else 0 end`)
    .orderBy("id")
    .limit(CANDIDATES)
    .execute();
  if (rows.length > 0) return rows.map((row) => row.id);
  return [
    await insertId(
      db
        .insertInto("documents")
        .values({
          authority_id: authorityId,
          key: "fixture-report",
          title: "Fixture report",
          kind: "report",
          part: "I",
        })
        .returning("id"),
    ),
  ];
}

/** An account made here for the authority, never one a test signs in with: an administrator's
 * forms (roles, password, access) sign an account out or take it out of the authority, and
 * must not do that to the test's own users. It is given back its role if a form took it away. */
async function accountIds(db: Db, authorityId: number): Promise<number[]> {
  const email = `fixture.${authorityId}@example.gov.uk`;
  const fixture = await db.selectFrom("accounts").select("id").where("email", "=", email).executeTakeFirst();
  if (fixture === undefined) {
    const grants = [{ role: "author" as const, authorityId }];
    return [
      await createAccount(db, TEST_ACTOR, {
        email,
        name: `Fixture account ${authorityId}`,
        password: PASSWORD,
        grants,
      }),
    ];
  }
  const role = await db
    .selectFrom("account_roles")
    .select("role")
    .where("account_id", "=", fixture.id)
    .where("authority_id", "=", authorityId)
    .executeTakeFirst();
  if (role === undefined) {
    await db
      .insertInto("account_roles")
      .values({ account_id: fixture.id, authority_id: authorityId, role: "author" })
      .execute();
  }
  return [fixture.id];
}

async function planEntryIds(db: Db, authorityId: number): Promise<number[]> {
  return childIds(db, "forward_plan_entries", "authority_id", [authorityId], () => {
    const values = {
      authority_id: authorityId,
      reference: `FIXTURE-${authorityId}`,
      title: "A fixture key decision",
      decision_maker: "Cabinet",
      expected_date: "2026-05-01",
      first_published: "2026-03-02",
    };
    return insertId(db.insertInto("forward_plan_entries").values(values).returning("id"));
  });
}

async function programmeEntryIds(db: Db, authorityId: number): Promise<number[]> {
  const bodies = await ownBodyIds(db, authorityId);
  return childIds(db, "work_programme_entries", "body_id", bodies, async () => {
    const values = {
      authority_id: authorityId,
      body_id: await firstBody(db, authorityId),
      position: 1,
      title: "A fixture topic",
      municipal_year: "2025/26",
    };
    return insertId(db.insertInto("work_programme_entries").values(values).returning("id"));
  });
}

const RESOLVERS: Readonly<Record<string, Resolver>> = {
  authority: async (_db, authorityId) => [authorityId],
  body: ownBodyIds,
  meeting: meetingIds,
  item: itemIds,
  person: personIds,
  membership: membershipIds,
  resolution: resolutionIds,
  condition: conditionIds,
  action: actionIds,
  declaration: declarationIds,
  decision: decisionIds,
  document: documentIds,
  planEntry: planEntryIds,
  programmeEntry: programmeEntryIds,
  account: accountIds,
};

/** Holds a small PDF as the file of every Part I document that has none, as an upload would,
 * for the pages that send a document's file. */
export async function storeFixtureFiles(office: BackOffice): Promise<void> {
  const bytes = await tinyPdf();
  const key = await office.files.put(bytes);
  await office.connection.db
    .updateTable("documents")
    .set({ file_key: key, sha256: key, media_type: "application/pdf", size_bytes: bytes.length })
    .where("file_key", "is", null)
    .where("part", "=", "I")
    .execute();
}

export function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? "");
}

export function fillPath(path: string, params: Params): string {
  return path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
}

export type ResolvedPage = {
  url: string;
  params: Params;
  resource: Resource;
  fields: readonly Field[];
};

function isFillable(fields: readonly Field[]): boolean {
  return fields.every(
    (field) =>
      field.isRequired !== true ||
      !(field.kind === "select" || field.kind === "radios" || field.kind === "checkboxes") ||
      field.options.length > 0,
  );
}

/** Every combination of the candidates for each parameter, the first ids first, up to a limit. */
function combinations(lists: [string, number[]][], limit: number): Params[] {
  let combos: Params[] = [{}];
  for (const [name, ids] of lists) {
    combos = combos.flatMap((combo) => ids.map((id) => ({ ...combo, [name]: String(id) }))).slice(0, limit);
  }
  return combos;
}

/** The page's addresses with their parameters naming records of this authority for which the
 * page has a record (its describe() is not null), up to `limit`: those whose form can be filled
 * in (every required choice has something to choose: approving minutes needs an earlier
 * meeting's draft) first. Throws, naming it, for a parameter this file does not know, and when
 * no candidate makes the page load. */
export async function resolvePages(
  db: Db,
  page: AdminPage,
  authorityId: number,
  today: string,
  limit = 4,
): Promise<ResolvedPage[]> {
  const lists: [string, number[]][] = [];
  for (const name of paramNames(page.path)) {
    const resolver = RESOLVERS[name];
    if (resolver === undefined) {
      throw new Error(
        `${page.path}: the path parameter ":${name}" is unknown to test/integration/admin/params.ts; add a resolver for it to RESOLVERS`,
      );
    }
    lists.push([name, await resolver(db, authorityId)]);
  }
  const tried = combinations(lists, 200);
  const fillable: ResolvedPage[] = [];
  const loading: ResolvedPage[] = [];
  for (const params of tried) {
    const described = await page.describe(db, params, today);
    if (described === null) continue;
    const found = { url: fillPath(page.path, params), params, ...described };
    (isFillable(found.fields) ? fillable : loading).push(found);
    if (fillable.length >= limit) break;
  }
  const found = [...fillable, ...loading].slice(0, limit);
  if (found.length > 0) return found;
  throw new Error(
    `${page.path}: none of ${tried.length} records of authority ${authorityId} makes the page load (describe() returned null for each)`,
  );
}

/** The first of resolvePages. */
export async function resolvePage(
  db: Db,
  page: AdminPage,
  authorityId: number,
  today: string,
): Promise<ResolvedPage> {
  const [first] = await resolvePages(db, page, authorityId, today, 1);
  if (first === undefined) throw new Error(`${page.path}: no record`);
  return first;
}

// What the tests post: values for a page's fields as a person filling the form correctly would
// give them, and a way to post them (urlencoded, or multipart with a file) with the form's token.

/** A date `days` after the test clock's day, as the three boxes of a GOV.UK date input. */
function dateBoxes(name: string, today: string, days: number): RawFields {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return {
    [`${name}-day`]: String(date.getUTCDate()),
    [`${name}-month`]: String(date.getUTCMonth() + 1),
    [`${name}-year`]: String(date.getUTCFullYear()),
  };
}

export type RawFields = Record<string, string | string[]>;

let serial = 0;

export type ValueOptions = { requiredOnly?: boolean; tickBoxes?: boolean };

/** The ways validValues is tried on a form, in turn, until one is not refused as bad input:
 * every field with the boxes left clear; then the required fields with every box ticked (a
 * confirmation); then every field and every box. */
export const ATTEMPTS: readonly ValueOptions[] = [
  {},
  { requiredOnly: true, tickBoxes: true },
  { tickBoxes: true },
];

/** Valid raw values for the fields: every field, or only the required ones. Dates are a month or
 * so ahead and rise field by field (a "to" after its "from"); selects take different options in turn (a seconder who is not the proposer); text
 * is unique (a reference not yet taken); a field named for an email address gets one. */
export function validValues(fields: readonly Field[], today: string, options: ValueOptions = {}): RawFields {
  const raw: RawFields = {};
  let order = 0;
  for (const field of fields) {
    const isBox = field.kind === "checkbox" && options.tickBoxes === true;
    if (options.requiredOnly === true && field.isRequired !== true && !isBox) continue;
    order += 1;
    serial += 1;
    switch (field.kind) {
      case "text":
      case "textarea":
        raw[field.name] = /email/i.test(field.name)
          ? `test.${serial}@example.gov.uk`
          : `Test ${field.label} ${serial}`.slice(0, field.maxLength);
        break;
      case "number":
        raw[field.name] = String(Math.min(field.max, Math.max(field.min, order)));
        break;
      case "date":
        Object.assign(raw, dateBoxes(field.name, today, 30 + order));
        break;
      case "time":
        raw[field.name] = `${String(9 + (order % 12)).padStart(2, "0")}:30`;
        break;
      case "select":
      case "radios": {
        const option = field.options[field.kind === "select" ? order % field.options.length : 0];
        if (option !== undefined) raw[field.name] = option.value;
        break;
      }
      case "checkbox":
        if (field.isRequired === true || options.tickBoxes === true) raw[field.name] = "yes";
        break;
      case "checkboxes": {
        const option = field.options[0];
        if (field.isRequired === true && option !== undefined) raw[field.name] = [option.value];
        break;
      }
      case "file":
        break;
    }
  }
  return raw;
}

export type UploadFile = { field: string; name: string; type: string; bytes: Uint8Array };

/** A small, real PDF with a line of text. */
export async function tinyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText("Witan test report", {
    x: 20,
    y: 150,
    size: 12,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return pdf.save();
}

export function multipart(fields: RawFields, file: UploadFile | null): { body: Buffer; type: string } {
  const boundary = `----witan${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`),
      );
    }
  }
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** Posts to a page as the user, with a CSRF token from the page (or any page they may see):
 * multipart when the page's fields take a file, else urlencoded. `token: false` leaves the
 * token out. */
export async function postForm(
  office: BackOffice,
  user: User,
  url: string,
  fields: readonly Field[],
  raw: RawFields,
  options: { file?: UploadFile | null; token?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const page = await office.get(user, url);
  const token = page.statusCode === 200 ? tokenIn(page.body) : await office.tokenFor(user);
  const withToken = options.token === false ? raw : { ...raw, _csrf: token };
  const fileField = fields.find((field) => field.kind === "file");
  if (fileField === undefined) {
    return office.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie },
      payload: formBody(withToken),
    });
  }
  const file =
    options.file === undefined
      ? { field: fileField.name, name: "report.pdf", type: "application/pdf", bytes: await tinyPdf() }
      : options.file;
  const { body, type } = multipart(withToken, file);
  return office.app.inject({
    method: "POST",
    url,
    headers: { "content-type": type, cookie: user.cookie },
    payload: body,
  });
}

export type Snapshot = Map<string, Record<string, unknown>[]>;

async function tableNames(db: Db): Promise<string[]> {
  return (await db.introspection.getTables()).map((table) => table.name).sort();
}

/** Every row of every table, as the database holds them. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const rows: Snapshot = new Map();
  for (const table of await tableNames(db)) {
    rows.set(table, (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows);
  }
  return rows;
}

/** Puts every table back as the snapshot had it (SQLite), so that each page of a walk starts
 * from the same records, whatever the pages before it saved. */
export async function restore(db: Db, saved: Snapshot): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const [table, rows] of saved) {
        // The full-text index follows search_entries by its triggers, and refuses direct writes.
        if (table.startsWith("search_fts")) continue;
        await sql`delete from ${sql.table(table)}`.execute(trx);
        for (let start = 0; start < rows.length; start += 50) {
          const chunk = rows.slice(start, start + 50);
          const [first] = chunk;
          if (first === undefined) continue;
          const columns = Object.keys(first);
          const values = chunk.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);
          await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) values ${sql.join(values)}`.execute(
            trx,
          );
        }
      }
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** A digest of every row of every table, and the audit log's length: equal before and after
 * means the request changed nothing. */
export async function databaseState(db: Db): Promise<{ auditRows: number; digest: string }> {
  const hash = createHash("sha256");
  let auditRows = 0;
  for (const [table, rows] of await snapshot(db)) {
    // The full-text index's own tables are derived from search_entries, which is compared, and
    // their layout differs with the order rows were indexed in.
    if (table.startsWith("search_fts_")) continue;
    if (table === "audit_log") auditRows = rows.length;
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}\n${lines.join("\n")}\n`);
  }
  return { auditRows, digest: hash.digest("hex") };
}
