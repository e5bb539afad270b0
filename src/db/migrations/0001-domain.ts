import type { CreateTableBuilder, Kysely } from "kysely";
import type { Engine } from "../engine.js";

// The whole domain model of DESIGN.md section 3, in one migration that runs on both engines.
// Dates and instants are text (ISO strings) on both, so no driver converts them.

type Builder = CreateTableBuilder<string, string>;

export function domainMigration(engine: Engine) {
  function withId(builder: Builder): Builder {
    return engine === "postgres"
      ? builder.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : builder.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  }

  // Every row that belongs to one authority carries authority_id: it is the shard key at scale.
  function owned(db: Kysely<unknown>, name: string): Builder {
    return withId(db.schema.createTable(name)).addColumn("authority_id", "integer", (c) =>
      c.notNull().references("authorities.id").onDelete("cascade"),
    );
  }

  async function up(db: Kysely<unknown>): Promise<void> {
    await withId(db.schema.createTable("authorities"))
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("slug", "text", (c) => c.notNull().unique())
      .addColumn("nation", "text", (c) => c.notNull().defaultTo("england"))
      .addColumn("governance", "text")
      .addColumn("call_in_working_days", "integer", (c) => c.notNull().defaultTo(5))
      .addColumn("key_decision_threshold", "integer")
      .execute();

    await owned(db, "bodies")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("purpose", "text")
      .addColumn("is_joint", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("day_counting", "text", (c) => c.notNull().defaultTo("working-days"))
      .addUniqueConstraint("bodies_name_unique", ["authority_id", "name"])
      .addUniqueConstraint("bodies_slug_unique", ["authority_id", "slug"])
      .execute();

    await db.schema
      .createTable("body_authorities")
      .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id").onDelete("cascade"))
      .addColumn("authority_id", "integer", (c) =>
        c.notNull().references("authorities.id").onDelete("cascade"),
      )
      .addPrimaryKeyConstraint("body_authorities_pk", ["body_id", "authority_id"])
      .execute();

    await owned(db, "people")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_key", "text", (c) => c.notNull())
      .addColumn("honorific", "text")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("organisation", "text")
      .addColumn("job_title", "text")
      .addColumn("party", "text")
      .addColumn("ward", "text")
      .addUniqueConstraint("people_name_unique", ["authority_id", "name_key"])
      .execute();

    await owned(db, "memberships")
      .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
      .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("from_date", "text")
      .addColumn("to_date", "text")
      .execute();

    await owned(db, "meetings")
      .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id").onDelete("cascade"))
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("start_time", "text")
      .addColumn("end_time", "text")
      .addColumn("venue", "text")
      .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled"))
      .addColumn("contact", "text")
      .addColumn("webcast_url", "text")
      .addColumn("is_agenda_published", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("agenda_published_on", "text")
      .addColumn("minutes_status", "text", (c) => c.notNull().defaultTo("none"))
      .addColumn("minutes_approved_item_id", "integer")
      .addUniqueConstraint("meetings_slug_unique", ["authority_id", "slug"])
      .execute();

    await owned(db, "attendances")
      .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
      .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("role", "text")
      .addColumn("substitute_for_person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addUniqueConstraint("attendances_unique", ["meeting_id", "person_id"])
      .execute();

    await owned(db, "agenda_items")
      .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("number", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("part", "text", (c) => c.notNull().defaultTo("I"))
      .addColumn("exempt_paragraph", "text")
      .addColumn("is_late", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("urgency_reason", "text")
      .addColumn("is_key_decision", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("forward_plan_ref", "text")
      .addColumn("lead_member_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("lead_officer_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("page_from", "integer")
      .addColumn("page_to", "integer")
      .addColumn("minutes", "text")
      .addColumn("is_minutes_truncated", "boolean", (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint("agenda_items_number_unique", ["meeting_id", "number"])
      .execute();

    await owned(db, "declarations")
      .addColumn("item_id", "integer", (c) => c.notNull().references("agenda_items.id").onDelete("cascade"))
      .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("nature", "text")
      .addUniqueConstraint("declarations_unique", ["item_id", "person_id", "kind"])
      .execute();

    await owned(db, "documents")
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("media_type", "text")
      .addColumn("size_bytes", "integer")
      .addColumn("sha256", "text")
      .addColumn("file_key", "text")
      .addColumn("text", "text")
      .addColumn("html", "text")
      .addColumn("part", "text", (c) => c.notNull().defaultTo("I"))
      .addColumn("exempt_paragraph", "text")
      .addColumn("is_published", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("published_on", "text")
      .addColumn("author", "text")
      .addColumn("publisher", "text")
      .addColumn("url", "text")
      .addColumn("body_id", "integer", (c) => c.references("bodies.id").onDelete("set null"))
      .addColumn("source_file", "text")
      .addColumn("source_from", "integer")
      .addColumn("source_to", "integer")
      .addUniqueConstraint("documents_key_unique", ["authority_id", "key"])
      .execute();

    await db.schema
      .createTable("item_documents")
      .addColumn("item_id", "integer", (c) => c.notNull().references("agenda_items.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("item_documents_pk", ["item_id", "document_id"])
      .execute();

    await owned(db, "resolutions")
      .addColumn("item_id", "integer", (c) => c.notNull().references("agenda_items.id").onDelete("cascade"))
      .addColumn("parent_id", "integer", (c) => c.references("resolutions.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("number", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("verb", "text")
      .addColumn("is_in_principle", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("proposer_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("seconder_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("votes_for", "integer")
      .addColumn("votes_against", "integer")
      .addColumn("votes_abstain", "integer")
      .addColumn("is_unanimous", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("delegated_to", "text")
      .addColumn("recommends_to_body_id", "integer", (c) => c.references("bodies.id").onDelete("set null"))
      .addColumn("recommends_to_date", "text")
      .addColumn("responds_to_resolution_id", "integer", (c) =>
        c.references("resolutions.id").onDelete("set null"),
      )
      .execute();

    await owned(db, "conditions")
      .addColumn("resolution_id", "integer", (c) =>
        c.notNull().references("resolutions.id").onDelete("cascade"),
      )
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("group_title", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
      .addColumn("owner", "text")
      .execute();

    await db.schema
      .createTable("condition_evidence")
      .addColumn("condition_id", "integer", (c) =>
        c.notNull().references("conditions.id").onDelete("cascade"),
      )
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("condition_evidence_pk", ["condition_id", "document_id"])
      .execute();

    await owned(db, "actions")
      .addColumn("resolution_id", "integer", (c) =>
        c.notNull().references("resolutions.id").onDelete("cascade"),
      )
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("owner", "text")
      .addColumn("owner_person_id", "integer", (c) => c.references("people.id").onDelete("set null"))
      .addColumn("owner_body_id", "integer", (c) => c.references("bodies.id").onDelete("set null"))
      .addColumn("due_date", "text")
      .addColumn("due_meeting_id", "integer", (c) => c.references("meetings.id").onDelete("set null"))
      .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
      .execute();

    await owned(db, "action_updates")
      .addColumn("action_id", "integer", (c) => c.notNull().references("actions.id").onDelete("cascade"))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("account_id", "integer")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("status", "text")
      .execute();

    await owned(db, "decisions")
      .addColumn("item_id", "integer", (c) => c.references("agenda_items.id").onDelete("set null"))
      .addColumn("resolution_id", "integer", (c) => c.references("resolutions.id").onDelete("set null"))
      .addColumn("decision_maker", "text", (c) => c.notNull())
      .addColumn("decided_on", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("is_key_decision", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("published_on", "text")
      .addColumn("call_in_expires_on", "text")
      .addColumn("call_in_status", "text", (c) => c.notNull().defaultTo("not-applicable"))
      .addColumn("urgency_reason", "text")
      .addColumn("implementation_on", "text")
      .addColumn("reasons", "text")
      .addColumn("options_rejected", "text")
      .addColumn("is_published", "boolean", (c) => c.notNull().defaultTo(false))
      .execute();

    await owned(db, "issues")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("slug", "text", (c) => c.notNull().unique())
      .addColumn("status", "text")
      .addColumn("summary", "text")
      .addUniqueConstraint("issues_title_unique", ["authority_id", "title"])
      .execute();

    await db.schema
      .createTable("issue_items")
      .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id").onDelete("cascade"))
      .addColumn("item_id", "integer", (c) => c.notNull().references("agenda_items.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("issue_items_pk", ["issue_id", "item_id"])
      .execute();

    await db.schema
      .createTable("issue_documents")
      .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("issue_documents_pk", ["issue_id", "document_id"])
      .execute();

    await owned(db, "issue_events")
      .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id").onDelete("cascade"))
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("event_authority_id", "integer", (c) => c.references("authorities.id").onDelete("set null"))
      .addColumn("body_id", "integer", (c) => c.references("bodies.id").onDelete("set null"))
      .addColumn("document_id", "integer", (c) => c.references("documents.id").onDelete("set null"))
      .addUniqueConstraint("issue_events_unique", ["issue_id", "date", "text"])
      .execute();

    await owned(db, "forward_plan_entries")
      .addColumn("reference", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("decision_maker", "text", (c) => c.notNull())
      .addColumn("expected_date", "text")
      .addColumn("first_published", "text")
      .addColumn("is_exempt", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("consultees", "text")
      .addColumn("item_id", "integer", (c) => c.references("agenda_items.id").onDelete("set null"))
      .addUniqueConstraint("forward_plan_reference_unique", ["authority_id", "reference"])
      .execute();

    await owned(db, "work_programme_entries")
      .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id").onDelete("cascade"))
      .addColumn("municipal_year", "text")
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("meeting_date", "text")
      .addColumn("meeting_id", "integer", (c) => c.references("meetings.id").onDelete("set null"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("priority_score", "integer")
      .addColumn("priority_band", "text")
      .addColumn("reason", "text")
      .addColumn("responsible", "text")
      .addColumn("kind", "text")
      .execute();

    await owned(db, "impact_assessments")
      .addColumn("document_id", "integer", (c) => c.references("documents.id").onDelete("cascade"))
      .addColumn("item_id", "integer", (c) => c.references("agenda_items.id").onDelete("set null"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("owner", "text")
      .addColumn("assessed_on", "text")
      .addColumn("approved_by", "text")
      .addColumn("content", "text", (c) => c.notNull())
      .execute();

    await owned(db, "provenance")
      .addColumn("record_table", "text", (c) => c.notNull())
      .addColumn("record_id", "integer", (c) => c.notNull())
      .addColumn("source_file", "text", (c) => c.notNull())
      .addColumn("source_from", "integer", (c) => c.notNull())
      .addColumn("source_to", "integer", (c) => c.notNull())
      .addColumn("document_id", "integer", (c) => c.references("documents.id").onDelete("set null"))
      .addColumn("imported_at", "text", (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable("accounts"))
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("is_disabled", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("failed_sign_ins", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("locked_until", "text")
      .execute();

    await db.schema
      .createTable("account_roles")
      .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
      .addColumn("authority_id", "integer", (c) =>
        c.notNull().references("authorities.id").onDelete("cascade"),
      )
      .addColumn("role", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("account_roles_pk", ["account_id", "authority_id", "role"])
      .execute();

    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("csrf_secret", "text", (c) => c.notNull())
      .execute();

    // Append-only: no foreign keys, so the log outlives the records it describes.
    await withId(db.schema.createTable("audit_log"))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("account_id", "integer")
      .addColumn("authority_id", "integer")
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("record_table", "text", (c) => c.notNull())
      .addColumn("record_id", "text", (c) => c.notNull())
      .addColumn("before", "text")
      .addColumn("after", "text")
      .addColumn("reason", "text")
      .execute();

    await owned(db, "record_versions")
      .addColumn("record_table", "text", (c) => c.notNull())
      .addColumn("record_id", "integer", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("snapshot", "text", (c) => c.notNull())
      .execute();

    const indexes: [string, string, string[]][] = [
      ["meetings_body_date", "meetings", ["body_id", "date"]],
      ["meetings_authority_date", "meetings", ["authority_id", "date"]],
      ["agenda_items_meeting", "agenda_items", ["meeting_id", "position"]],
      ["resolutions_item", "resolutions", ["item_id", "position"]],
      ["memberships_body", "memberships", ["body_id"]],
      ["memberships_person", "memberships", ["person_id"]],
      ["attendances_person", "attendances", ["person_id"]],
      ["item_documents_document", "item_documents", ["document_id"]],
      ["issue_items_item", "issue_items", ["item_id"]],
      ["audit_log_record", "audit_log", ["record_table", "record_id"]],
      ["provenance_record", "provenance", ["record_table", "record_id"]],
      ["work_programme_body", "work_programme_entries", ["body_id", "position"]],
    ];
    for (const [name, table, columns] of indexes) {
      await db.schema.createIndex(name).on(table).columns(columns).execute();
    }
  }

  return { up };
}
