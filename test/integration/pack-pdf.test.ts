import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { PDFDocument, PDFName, StandardFonts, degrees } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Connection } from "../../src/db/connect.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { BLANK_PAGE_NOTICE, compilePack } from "../../src/publishing/pack/compile.js";
import { packFacts } from "../../src/publishing/pack/facts.js";
import { loadPackFonts } from "../../src/publishing/pack/fonts.js";
import { getPack } from "../../src/publishing/pack/service.js";
import type { OpenItem, PackFacts } from "../../src/publishing/pack/types.js";
import { loadBundle } from "../../src/records/bundle-load.js";
import { memoryFileStore, sha256, type FileStore } from "../../src/records/files.js";
import { findPackMeeting, packItems, packMembers } from "../../src/records/packs.js";
import { PART_II_CANARY, TEST_ACTOR, demoBundle } from "../support/demo.js";
import { openSqlite } from "../support/engines.js";

// Agenda packs read back as a reader meets them: the text of each page (pdf.js), the outline,
// the page labels and the document's metadata. The pack's layout does not depend on the
// database engine (pack.test.ts runs the queries on both), so these checks run on SQLite.

const CANARY = PART_II_CANARY;
const MEETING = {
  authoritySlug: "plymouth-city-council",
  meetingSlug: "2017-09-20-wellbeing-overview-and-scrutiny-committee",
};
const ACTOR = TEST_ACTOR;
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const LATE_TITLE = "Sexual Assault Referral Centre: consultation response";
const URGENCY = "NHS England's consultation closes before the committee next meets.";

/** A three-page original with its second page rotated for display, as scanned papers often are. */
async function originalPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 3; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Budget scorecard original page ${n} of 3`, { x: 72, y: 760, size: 14, font });
    if (n === 2) page.setRotation(degrees(90));
  }
  return doc.save();
}

/** The smallest Word document mammoth reads: a heading, a paragraph with curly quotes, a table. */
async function wordDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
  );
  const p = (text: string, style = "") =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${p("Scorecard commentary", "Heading1")}${p("Councillor Mañé’s “dashboard” – a Word paper")}<w:tbl><w:tr>${cell("Measure")}${cell("Target")}</w:tr><w:tr>${cell("Placement stability")}${cell("85%")}</w:tr></w:tbl></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** The demo's invented exempt paper must be in the same bundle as the items that list it. */
function exemptPaper(demo: Bundle): unknown {
  const found = demo.documents.find((d) => d.id === "invented-part-ii-commercial-terms");
  assert.ok(found, "the demo has its invented exempt paper");
  return found;
}

function fixtureBundle(pdf: Uint8Array, docx: Uint8Array, exempt: unknown) {
  const item = (number: string, title: string, documents: string[], extra: object = {}) => ({
    number,
    title,
    kind: "report",
    part: "I",
    resolutions: [],
    declarations: [],
    documents,
    ...extra,
  });
  return {
    format: "witan-bundle/1",
    authorities: [{ name: "Plymouth City Council" }],
    bodies: [
      {
        name: "Wellbeing Overview and Scrutiny Committee",
        authority: "Plymouth City Council",
        kind: "scrutiny",
      },
    ],
    people: [],
    memberships: [],
    meetings: [
      {
        authority: "Plymouth City Council",
        body: "Wellbeing Overview and Scrutiny Committee",
        date: "2017-09-20",
        attendance: [],
        items: [
          item("7", `Exempt commercial terms ${CANARY}`, ["invented-part-ii-commercial-terms"], {
            part: "II",
            exemptParagraph: "3",
          }),
          item("8", "Budget scorecard", ["fixture-original-pdf", "fixture-word-paper"]),
          item("9", LATE_TITLE, ["fixture-late-paper"], { late: true, urgencyReason: URGENCY }),
        ],
      },
    ],
    documents: [
      exempt,
      {
        id: "fixture-original-pdf",
        title: "Budget scorecard (original PDF)",
        kind: "report",
        authority: "Plymouth City Council",
        mediaType: "application/pdf",
        sha256: sha256(pdf),
      },
      {
        id: "fixture-word-paper",
        title: "Scorecard commentary (Word)",
        kind: "appendix",
        authority: "Plymouth City Council",
        mediaType: DOCX_TYPE,
        sha256: sha256(docx),
      },
      {
        id: "fixture-late-paper",
        title: "SARC consultation response",
        kind: "report",
        authority: "Plymouth City Council",
        text: "SARC consultation response\n\nThe committee is asked to agree a response.\n\f\nSecond page of the late paper.",
      },
    ],
    issues: [],
    workProgramme: [],
  };
}

type PageText = string;
type OutlineNode = { title: string; page: number; children: OutlineNode[] };
type ReadBack = { pages: PageText[]; outline: OutlineNode[]; labels: string[] | null };

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pages.push(text.replace(/\s+/g, " ").trim());
    }
    type Node = { title: string; dest: string | unknown[] | null; items: Node[] };
    const resolve = async (nodes: Node[]): Promise<OutlineNode[]> => {
      const out: OutlineNode[] = [];
      for (const node of nodes) {
        const dest = Array.isArray(node.dest) ? node.dest : await doc.getDestination(String(node.dest));
        const ref = dest?.[0];
        const page =
          ref && typeof ref === "object" && "num" in ref
            ? await doc.getPageIndex({ num: Number(ref.num), gen: Number("gen" in ref ? ref.gen : 0) })
            : -1;
        out.push({ title: node.title, page, children: await resolve(node.items) });
      }
      return out;
    };
    const outline: Node[] = (await doc.getOutline()) ?? [];
    return { pages, outline: await resolve(outline), labels: await doc.getPageLabels() };
  } finally {
    await doc.destroy();
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The stamp on a paper's first page comes just before its page number. */
const opensPaper = (text: string) => /Agenda item \S+ Page \d+$/.test(text);

/** The range the agenda prints after `label` (an item's "7. Title" or a paper's title). */
function printedRange(front: string, label: string): { from: number; to: number } {
  const match = new RegExp(
    `${escape(label)}(?: \\(not for publication\\))? \\(Pages (\\d+) - (\\d+)\\)`,
  ).exec(front);
  assert.ok(match, `the agenda gives a page range for ${label}`);
  return { from: Number(match[1]), to: Number(match[2]) };
}

describe("agenda pack PDFs", () => {
  let connection: Connection;
  let files: FileStore;
  let publicPack: ReadBack;
  let publicBytes: Uint8Array;
  let restricted: ReadBack;
  let supplement: ReadBack;
  let facts: PackFacts;

  before(async () => {
    connection = await openSqlite();
    files = memoryFileStore();
    const pdf = await originalPdf();
    const docx = await wordDocument();
    await files.put(pdf);
    await files.put(docx);
    const demo = demoBundle();
    await loadBundle(connection.db, demo, ACTOR);
    await loadBundle(connection.db, fixtureBundle(pdf, docx, exemptPaper(demo)), ACTOR);
    const deps = { db: connection.db, files };
    publicBytes = await (
      await getPack(deps, { meeting: MEETING, kind: "agenda", audience: "public" })
    ).bytes();
    publicPack = await readBack(publicBytes);
    restricted = await readBack(
      await (await getPack(deps, { meeting: MEETING, kind: "agenda", audience: "restricted" })).bytes(),
    );
    supplement = await readBack(
      await (await getPack(deps, { meeting: MEETING, kind: "supplement", audience: "public" })).bytes(),
    );
    const meeting = await findPackMeeting(connection.db, MEETING, "public");
    assert.ok(meeting);
    facts = await packFacts(
      {
        meeting,
        members: await packMembers(connection.db, meeting),
        items: await packItems(connection.db, meeting, "agenda", "public"),
      },
      { kind: "agenda", audience: "public" },
      files,
    );
  });
  after(async () => connection.close());

  /** Physical pages before "Page 1": those whose text carries no page number. */
  const frontCount = (pack: ReadBack) => pack.pages.findIndex((text) => /\bPage 1$/.test(text));

  for (const [name, pick] of [
    ["public", () => publicPack],
    ["restricted", () => restricted],
    ["supplement", () => supplement],
  ] as const) {
    test(`${name}: every page after the agenda is numbered in order, and the agenda is not`, () => {
      const pack = pick();
      const front = frontCount(pack);
      assert.ok(front >= 2 && front % 2 === 0, "the front sheet and agenda take an even number of pages");
      for (const [index, text] of pack.pages.entries()) {
        if (index < front) assert.doesNotMatch(text, /\bPage \d+$/, `physical page ${index + 1}`);
        else assert.match(text, new RegExp(`\\bPage ${index - front + 1}$`), `physical page ${index + 1}`);
      }
      assert.equal((pack.pages.length - front) % 2, 0, "the pack ends on a left-hand page");
      assert.deepEqual(pack.labels, [
        ...Array.from({ length: front }, (_, i) => ["i", "ii", "iii", "iv", "v", "vi"][i]),
        ...Array.from({ length: pack.pages.length - front }, (_, i) => String(i + 1)),
      ]);
    });

    test(`${name}: each range in the agenda is where its paper starts and ends; papers start on odd pages`, () => {
      const pack = pick();
      const front = frontCount(pack);
      const agenda = pack.pages.slice(0, front).join(" ");
      const page = (n: number) => pack.pages[front + n - 1] ?? "";
      const ranges = [...agenda.matchAll(/\(Pages (\d+) - (\d+)\)/g)].map((m) => ({
        from: Number(m[1]),
        to: Number(m[2]),
      }));
      assert.ok(ranges.length > 0);
      const starts = pack.pages.flatMap((text, i) => (opensPaper(text) ? [i - front + 1] : []));
      for (const start of starts) assert.equal(start % 2, 1, `a paper starts on page ${start}`);
      const end = pack.pages.length - front;
      for (const range of ranges) {
        assert.ok(starts.includes(range.from), `a paper starts on page ${range.from}`);
        // A range ends where the next paper begins (or the pack ends), a blank page included.
        assert.ok(range.to === end || starts.includes(range.to + 1), `page ${range.to + 1} starts a paper`);
        const last = page(range.to).includes(BLANK_PAGE_NOTICE) ? range.to - 1 : range.to;
        assert.ok(last >= range.from && !page(last).includes(BLANK_PAGE_NOTICE), `page ${last} ends a paper`);
      }
    });

    test(`${name}: blank pages carry the notice and nothing else, and only where a paper ends on an odd page`, () => {
      const pack = pick();
      const front = frontCount(pack);
      for (const [index, text] of pack.pages.entries()) {
        if (!text.includes(BLANK_PAGE_NOTICE)) continue;
        const number = index - front + 1;
        const rest = text
          .replace(BLANK_PAGE_NOTICE, "")
          .replace(/\bPage \d+$/, "")
          .trim();
        assert.equal(rest, "", `blank page ${index + 1} holds only the notice`);
        if (index >= front) {
          assert.equal(number % 2, 0, "a blank page is a left-hand page");
          const following = pack.pages[index + 1];
          assert.ok(following === undefined || opensPaper(following), "a paper follows a blank page");
        }
      }
    });
  }

  test("the public agenda's ranges name the right papers, and the outline opens them", () => {
    const front = frontCount(publicPack);
    const agenda = publicPack.pages.slice(0, front).join(" ");
    const open = facts.items.filter((item): item is OpenItem => !item.withheld && item.papers.length > 0);
    const entries = publicPack.outline.slice(2);
    assert.deepEqual(
      publicPack.outline.slice(0, 2).map((e) => [e.title, e.page]),
      [
        ["Front sheet", 0],
        ["Agenda", 1],
      ],
    );
    assert.equal(entries.length, open.length, "one outline entry per item with papers");
    for (const [index, item] of open.entries()) {
      const range = printedRange(agenda, `${item.number}. ${item.title}`);
      const entry = entries[index];
      assert.equal(entry?.title, `${item.number}. ${item.title}`);
      assert.equal(
        entry?.page,
        front + range.from - 1,
        `the outline opens item ${item.number} on its first page`,
      );
      assert.match(
        publicPack.pages[front + range.from - 1] ?? "",
        new RegExp(`Agenda item ${item.number}\\b`),
      );
      for (const [p, paper] of item.papers.entries()) {
        const child: OutlineNode | undefined = entry?.children[p];
        assert.equal(child?.title, paper.title);
        const at = item.papers.length > 1 ? printedRange(agenda, paper.title).from : range.from;
        assert.equal(child?.page, front + at - 1, `the outline opens "${paper.title}"`);
        if (item.papers.length > 1) {
          const own = printedRange(agenda, paper.title);
          const next = publicPack.pages.findIndex((t, i) => i > front + own.from - 1 && opensPaper(t));
          assert.equal(
            next === -1 ? publicPack.pages.length : next,
            front + own.to,
            `"${paper.title}" ends at ${own.to}`,
          );
        }
        const opening = publicPack.pages[front + at - 1] ?? "";
        const expected = paper.source.kind === "pdf" ? "Budget scorecard original page 1 of 3" : paper.title;
        assert.ok(opening.includes(expected), `page ${at} opens "${paper.title}"`);
      }
    }
  });

  test("original PDF pages are appended as they are, rotated page included, and a Word paper is typeset", () => {
    const text = publicPack.pages.join(" ");
    for (let n = 1; n <= 3; n++) assert.ok(text.includes(`Budget scorecard original page ${n} of 3`));
    const rotated = publicPack.pages.find((t) => t.includes("original page 2 of 3")) ?? "";
    assert.match(rotated, /\bPage \d+$/, "the rotated page is numbered too");
    assert.ok(text.includes("Scorecard commentary"));
    assert.ok(
      text.includes("Councillor Mañé’s “dashboard” – a Word paper"),
      "curly quotes, dashes and accents survive",
    );
    assert.ok(text.includes("Placement stability 85%"), "the Word table's cells are there, in reading order");
  });

  test("the public pack never holds exempt material; the restricted pack does", () => {
    const all = publicPack.pages.join(" ");
    assert.ok(!all.includes(CANARY), "no exempt title or paper in the public pack");
    assert.ok(!all.includes("Exempt commercial terms"));
    assert.match(
      all,
      /7\. Exempt information: not for publication Under paragraph 3 of Part 1 of Schedule 12A/,
    );
    const members = restricted.pages.join(" ");
    assert.ok(members.includes(CANARY), "the restricted pack holds the exempt paper");
    assert.ok(members.includes("NOT FOR PUBLICATION"));
    const exemptPage = restricted.pages.find((t) => t.includes("[INVENTED TEST RECORD] This document")) ?? "";
    assert.match(exemptPage, /NOT FOR PUBLICATION: exempt information under paragraph 3 of Schedule 12A/);
  });

  test("a late item is in the supplement with its reason for urgency, not in the agenda pack", () => {
    assert.ok(!publicPack.pages.join(" ").includes(LATE_TITLE));
    const text = supplement.pages.join(" ");
    assert.ok(text.includes("Supplement to the agenda"));
    assert.ok(text.includes(`9. ${LATE_TITLE}`));
    assert.ok(text.includes(`Reason for urgency: ${URGENCY}`));
    assert.ok(text.includes("Second page of the late paper"));
    const front = frontCount(supplement);
    assert.match(
      supplement.pages[front] ?? "",
      /SARC consultation response.*Page 1$/,
      "its own numbering from 1",
    );
  });

  test("the document describes itself: title, author, subject, language, producer, fixed dates", async () => {
    const doc = await PDFDocument.load(publicBytes, { updateMetadata: false });
    assert.equal(
      doc.getTitle(),
      "Agenda pack: Wellbeing Overview and Scrutiny Committee, Wednesday 20 September 2017",
    );
    assert.equal(doc.getAuthor(), "Plymouth City Council");
    assert.match(doc.getSubject() ?? "", /agenda and papers for the meeting of the Wellbeing Overview/);
    assert.match(doc.getProducer() ?? "", /^Witan agenda-pack compiler/);
    assert.equal(doc.getCreationDate()?.toISOString(), "2017-09-12T00:00:00.000Z");
    assert.equal(doc.getModificationDate()?.toISOString(), "2017-09-12T00:00:00.000Z");
    assert.equal(String(doc.catalog.get(PDFName.of("Lang"))), "(en-GB)");
    assert.equal(String(doc.catalog.get(PDFName.of("PageMode"))), "/UseOutlines");
  });

  test("the same inputs give the same bytes", async () => {
    const fonts = await loadPackFonts();
    const first = await compilePack(facts, { files, fonts });
    const second = await compilePack(facts, { files, fonts });
    assert.equal(sha256(first.bytes), sha256(second.bytes));
    assert.equal(sha256(first.bytes), sha256(publicBytes), "the service built exactly these bytes");
  });
});
