import type { Kysely } from "kysely";

// Accounts for the back office (issue 5): an account may be a person (a councillor reads the
// exempt papers of the bodies they sit on), and failed sign-ins are counted from the start of
// the current run (src/domain/lockout.ts). Sessions are looked up by account for "sign out
// everywhere" and swept by expiry.
export function accountsMigration() {
  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable("accounts")
      .addColumn("person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .execute();
    await db.schema.alterTable("accounts").addColumn("failed_since", "text").execute();
    await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();
    await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
    await db.schema
      .createIndex("account_roles_authority")
      .on("account_roles")
      .column("authority_id")
      .execute();
  }
  return { up };
}
