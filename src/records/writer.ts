import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/connect.js";
import type { Database, NewRow, Row, TableName } from "../db/schema.js";

// The one path for every write: each insert, update and delete made through a Writer lands in
// the audit log in the same transaction, with who, when, what, and the row before and after.

export type Actor = { name: string; accountId: number | null };

/** Why a published record was changed: kept with each audit row of the change. */
export type WriteOptions = { reason?: string };

type TableWithId = {
  [T in TableName]: Database[T] extends { id: unknown } ? T : never;
}[TableName];
type LinkTable = Exclude<TableName, TableWithId>;
type LooseRow = Record<string, unknown>;

// Secrets never reach the audit log, which admins read and backups copy: a password hash could be
// cracked offline, and a session's CSRF secret would let its reader forge that session's forms.
// (A session's id is the SHA-256 of the token in the cookie, so it is safe to name.)
const SECRET_COLUMNS: Partial<Record<string, readonly string[]>> = {
  accounts: ["password_hash"],
  sessions: ["csrf_secret"],
};

function redacted(table: string, row: LooseRow | null): string | null {
  if (row === null) return null;
  const secrets = SECRET_COLUMNS[table] ?? [];
  const shown = Object.entries(row).map(([key, value]) => [
    key,
    secrets.includes(key) ? "[redacted]" : value,
  ]);
  return JSON.stringify(Object.fromEntries(shown));
}

export class Writer {
  readonly trx: Transaction<Database>;
  readonly actor: Actor;
  readonly reason: string | null;
  // Generic writes over any table cannot be typed table by table; this handle is the one place
  // where rows are untyped, and every caller's values are typed by NewRow<T> above it.
  readonly #loose: Kysely<Record<string, LooseRow>>;
  changes = 0;

  constructor(trx: Transaction<Database>, actor: Actor, options: WriteOptions = {}) {
    this.trx = trx;
    this.actor = actor;
    this.reason = options.reason ?? null;
    this.#loose = trx as unknown as Kysely<Record<string, LooseRow>>;
  }

  async insert<T extends TableWithId>(table: T, values: NewRow<T>): Promise<number> {
    return this.#insert(table, { ...values });
  }

  /** Applies only the fields that differ; returns whether anything changed. */
  async update<T extends TableWithId>(
    table: T,
    before: Row<T>,
    values: Partial<NewRow<T>>,
  ): Promise<boolean> {
    return this.#update(table, { ...before }, { ...values });
  }

  /** Finds the row with these key values (null matches null) and updates it with the values
   * given, or inserts key, values and the insert-only values together. Values left undefined
   * are not written. */
  async upsert<T extends TableWithId>(
    table: T,
    key: Partial<Row<T>>,
    values: Partial<NewRow<T>>,
    insertOnly: Partial<NewRow<T>> = {},
  ): Promise<{ id: number; changed: boolean }> {
    const name: string = table;
    let query = this.#loose.selectFrom(name).selectAll();
    for (const [column, value] of Object.entries(key)) {
      query = value === null ? query.where(column, "is", null) : query.where(column, "=", value);
    }
    const found = await query.orderBy("id").executeTakeFirst();
    if (found) return { id: Number(found.id), changed: await this.#update(table, found, { ...values }) };
    const defined = Object.fromEntries(
      Object.entries({ ...insertOnly, ...key, ...values }).filter(([, v]) => v !== undefined),
    );
    return { id: await this.#insert(table, defined), changed: true };
  }

  /** Deletes the row, and the provenance of an imported one with it: a source span that names
   * a record no longer there could be shown against the next record to take its id. */
  async delete<T extends TableWithId>(table: T, before: Row<T>): Promise<void> {
    const current: LooseRow = { ...before };
    const name: string = table;
    await this.#loose.deleteFrom(name).where("id", "=", current.id).execute();
    await this.#audit("delete", table, String(current.id), current, null);
    // Only records with a whole-number id are imported (a session's id is a hash).
    const id = Number(current.id);
    if (table === "provenance" || !Number.isSafeInteger(id)) return;
    const sources = await this.trx
      .selectFrom("provenance")
      .selectAll()
      .where("record_table", "=", name)
      .where("record_id", "=", id)
      .execute();
    for (const source of sources) await this.delete("provenance", source);
  }

  /** Removes a row of a link table, if it is there. */
  async unlink<T extends LinkTable>(table: T, values: NewRow<T>): Promise<boolean> {
    const key: LooseRow = { ...values };
    const name: string = table;
    let query = this.#loose.deleteFrom(name);
    for (const [column, value] of Object.entries(key)) query = query.where(column, "=", value);
    const result = await query.executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await this.#audit("delete", table, JSON.stringify(key), key, null);
    return true;
  }

  /** Inserts a row of a link table (no id of its own) unless it is there already. */
  async link<T extends LinkTable>(table: T, values: NewRow<T>): Promise<boolean> {
    const key: LooseRow = { ...values };
    let query = this.#loose.selectFrom(table).selectAll();
    for (const [column, value] of Object.entries(key)) {
      if (column !== "position") query = query.where(column, "=", value);
    }
    if (await query.executeTakeFirst()) return false;
    await this.#loose.insertInto(table).values(key).execute();
    await this.#audit("insert", table, JSON.stringify(key), null, key);
    return true;
  }

  async #insert(table: string, values: LooseRow): Promise<number> {
    const row = await this.#loose.insertInto(table).values(values).returningAll().executeTakeFirstOrThrow();
    const id = Number(row.id);
    await this.#audit("insert", table, String(id), null, row);
    return id;
  }

  async #update(table: string, current: LooseRow, values: LooseRow): Promise<boolean> {
    const changed: LooseRow = {};
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined && !sameValue(current[key], value)) changed[key] = value;
    }
    if (Object.keys(changed).length === 0) return false;
    const after = await this.#loose
      .updateTable(table)
      .set(changed)
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#audit("update", table, String(current.id), current, after);
    return true;
  }

  async #audit(action: string, table: string, id: string, before: LooseRow | null, after: LooseRow | null) {
    this.changes += 1;
    const owner = (after ?? before)?.authority_id;
    await this.trx
      .insertInto("audit_log")
      .values({
        at: new Date().toISOString(),
        actor: this.actor.name,
        account_id: this.actor.accountId,
        authority_id: typeof owner === "number" ? owner : null,
        action,
        record_table: table,
        record_id: id,
        before: redacted(table, before),
        after: redacted(table, after),
        reason: this.reason,
      })
      .execute();
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") return Boolean(a) === Boolean(b);
  return (a ?? null) === (b ?? null);
}

export async function write<R>(
  db: Db,
  actor: Actor,
  work: (writer: Writer) => Promise<R>,
  options: WriteOptions = {},
): Promise<R> {
  return db.transaction().execute((trx) => work(new Writer(trx, actor, options)));
}
