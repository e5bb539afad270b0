import type { FastifyReply } from "fastify";
import type { Db } from "../../../../db/connect.js";
import { DOCUMENT_KINDS, choiceText } from "../../../../domain/choices.js";
import { slugify } from "../../../../domain/names.js";
import { can } from "../../../../domain/policy.js";
import { WitanError } from "../../../../errors.js";
import type { SignedInAccount } from "../../../../records/accounts.js";
import { extractText } from "../../../../importers/extract/index.js";
import {
  addItemPaper,
  findDocumentRecord,
  type DocumentRecord,
} from "../../../../records/admin/documents.js";
import type { ItemRecord } from "../../../../records/admin/meetings.js";
import { fileDescription, longDate } from "../../../format.js";
import { textValue, type Values } from "../../../forms/fields.js";
import { requireSignIn } from "../../../plugins/auth.js";
import { sendPage } from "../../../render.js";
import { adminUrls } from "../admin-urls.js";
import { row, type OverviewPage } from "../overview.js";
import {
  formPage,
  guarded,
  isReply,
  viewPage,
  type AdminDeps,
  type AdminPage,
  type Guard,
  type Params,
} from "../pages.js";
import { UPLOAD_TYPES, type Upload } from "../uploads.js";
import {
  NOT_FOUND,
  PART_FIELDS,
  canSee,
  checkPart,
  itemName,
  loadItem,
  meetingResource,
  partText,
  partValues,
  reindexMeeting,
} from "./shared.js";

// Papers of an agenda item: uploading one (its type from its bytes, its text read for search; a
// PDF with no text is refused, since nobody could search it or read it aloud), its page, and its
// file. A paper is published with its meeting's agenda. A Part II paper, or any paper of a Part II
// item, is for those who may read the body's exempt papers; anyone else finds nothing there.

const loadDocument = (db: Db, params: Params) => findDocumentRecord(db, Number(params.document));

/** Part II if the paper is, or the item it is a paper of. */
function partOf({ document, item }: DocumentRecord): string {
  return document.part === "II" || item.part === "II" ? "II" : "I";
}

/** Whether even the paper's existence is kept from those who may not read it. */
const isHidden = (record: DocumentRecord) => partOf(record) === "II" || !record.document.is_published;

function visible(record: DocumentRecord, account: SignedInAccount): boolean {
  return canSee(account, record, { part: partOf(record), isPublished: record.document.is_published });
}

const DETAIL_FIELDS = [
  {
    kind: "text",
    name: "title",
    label: "Title",
    hint: "As the agenda lists it",
    isRequired: true,
    maxLength: 300,
  },
  { kind: "select", name: "kind", label: "Kind of document", isRequired: true, options: DOCUMENT_KINDS },
  ...PART_FIELDS,
] as const;

function checkDocumentPart(values: Values, { item }: ItemRecord): Record<string, string> {
  const errors = checkPart(values);
  if (item.part === "II" && values.part !== "II") {
    errors.part = "Select Part II: this is a paper of a Part II item";
  }
  return errors;
}

// The text read while checking the file, kept for the save that follows in the same request.
const extracted = new WeakMap<Upload, string>();

const uploadPage = formPage<ItemRecord>({
  path: "/admin/items/:item/documents/new",
  action: "write-report",
  load: loadItem,
  resource: meetingResource,
  title: () => "Upload a document",
  caption: itemName,
  back: ({ item }) => adminUrls.item(item.id),
  submit: "Upload document",
  isUpload: true,
  notes: ({ meeting }) => [
    {
      text: meeting.is_agenda_published
        ? "The agenda is published: a Part I document is published as soon as it is uploaded."
        : "The document is published with the agenda.",
    },
  ],
  fields: () => [
    ...DETAIL_FIELDS,
    {
      kind: "file",
      name: "file",
      label: "File",
      hint: "A PDF or Word document (.docx), up to 25 MB. A scanned PDF is read by OCR, so check its text on the document page",
      isRequired: true,
      accept: [".pdf", ".docx", ...Object.keys(UPLOAD_TYPES)].join(","),
    },
  ],
  initial: ({ item }) => ({ part: item.part, paragraph: item.exempt_paragraph, kind: "report" }),
  check: checkDocumentPart,
  async checkUpload(upload): Promise<Record<string, string>> {
    try {
      const { text } = await extractText(upload.bytes, upload.fileName || "The selected file");
      extracted.set(upload, text);
      return {};
    } catch (error) {
      if (!(error instanceof WitanError)) throw error;
      return { file: `The selected file cannot be read: ${error.message}` };
    }
  },
  async save(w, record, { values, upload, deps }) {
    if (upload === null) throw new Error("The upload form saves only with a file");
    const key = await deps.files.put(upload.bytes);
    const id = await addItemPaper(w, record, {
      title: textValue(values, "title"),
      kind: textValue(values, "kind"),
      ...partFacts(values),
      mediaType: upload.mediaType,
      sizeBytes: upload.bytes.length,
      sha256: key,
      text: extracted.get(upload) ?? "",
    });
    if (record.meeting.is_agenda_published) await reindexMeeting(w, record.meeting.id, [id]);
    return { location: adminUrls.item(record.item.id), notice: "uploaded" };
  },
});

function partFacts(values: Values) {
  const { part, exempt_paragraph: exemptParagraph } = partValues(values);
  return { part, exemptParagraph };
}

const documentEditPage = formPage<DocumentRecord>({
  path: "/admin/documents/:document/edit",
  action: "write-report",
  load: loadDocument,
  resource: meetingResource,
  title: () => "Change the document's details",
  caption: ({ document }) => document.title,
  back: ({ document }) => adminUrls.document(document.id),
  submit: "Save changes",
  fields: () => DETAIL_FIELDS,
  initial: ({ document }) => ({
    title: document.title,
    kind: document.kind,
    part: document.part,
    paragraph: document.exempt_paragraph,
  }),
  check: checkDocumentPart,
  amends: (record) =>
    record.document.is_published && partOf(record) === "I"
      ? { table: "documents", before: record.document }
      : null,
  async save(w, { document, meeting }, { values }) {
    await w.update("documents", document, {
      title: textValue(values, "title"),
      kind: textValue(values, "kind"),
      ...partValues(values),
    });
    await reindexMeeting(w, meeting.id, [document.id]);
    return { location: adminUrls.document(document.id), notice: "saved" };
  },
});

const documentPage = viewPage<DocumentRecord>({
  path: "/admin/documents/:document",
  action: "read-records",
  load: loadDocument,
  resource: meetingResource,
  hidesRefusal: isHidden,
  async render(record, request) {
    if (!visible(record, request.account)) return NOT_FOUND;
    const { document, item } = record;
    const mayChange = can(request.account, "write-report", meetingResource(record));
    const page: OverviewPage = {
      pageTitle: document.title,
      title: document.title,
      caption: itemName(record),
      back: adminUrls.item(item.id),
      notice: request.notice,
      csrfToken: request.csrfToken,
      sections: [
        {
          summary: [
            row("Kind", choiceText(DOCUMENT_KINDS, document.kind)),
            row("Part", partText(partOf(record), document.exempt_paragraph ?? item.exempt_paragraph)),
            row("File", fileDescription(document.media_type, document.size_bytes)),
            row(
              "Published",
              document.is_published
                ? document.published_on === null
                  ? "Yes"
                  : longDate(document.published_on)
                : "Not yet: it is published with the agenda",
            ),
          ],
          links: [
            // An imported document may be known only by its text, with no file kept.
            ...(document.file_key === null || !(await request.deps.files.has(document.file_key))
              ? []
              : [{ href: adminUrls.documentFile(document.id), text: "Open the file" }]),
            ...(mayChange
              ? [{ href: adminUrls.documentEdit(document.id), text: "Change the document's details" }]
              : []),
          ],
        },
        { heading: "Agenda item", links: [{ href: adminUrls.item(item.id), text: itemName(record) }] },
      ],
    };
    return { template: "admin/overview.njk", page };
  },
});

const fileGuard: Guard<DocumentRecord> = {
  path: "/admin/documents/:document/file",
  action: "read-records",
  load: loadDocument,
  resource: meetingResource,
  hidesRefusal: isHidden,
};

async function notFound(reply: FastifyReply) {
  return sendPage(reply.code(404), NOT_FOUND.template, NOT_FOUND.page);
}

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf" };

/** The file itself, with its type and a name made from its title. */
const documentFilePage: AdminPage = {
  path: fileGuard.path,
  method: "GET",
  action: fileGuard.action,
  async describe(db, params) {
    const record = await loadDocument(db, params);
    return record === null ? null : { resource: meetingResource(record), fields: [] };
  },
  register(app, deps: AdminDeps) {
    app.get(fileGuard.path, { preHandler: requireSignIn }, async (request, reply) => {
      const found = await guarded(fileGuard, request, reply, deps);
      if (isReply(found)) return found;
      if (!visible(found.context, found.account)) return notFound(reply);
      const { document } = found.context;
      const bytes = document.file_key === null ? null : await deps.files.get(document.file_key);
      if (bytes === null) return notFound(reply);
      const mediaType = document.media_type ?? "application/octet-stream";
      const name = `${slugify(document.title) || "document"}.${EXTENSIONS[mediaType] ?? "docx"}`;
      return reply
        .type(mediaType)
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(bytes));
    });
  },
};

export const DOCUMENT_PAGES: AdminPage[] = [uploadPage, documentEditPage, documentPage, documentFilePage];
