// A 300-page agenda pack built from generated papers (30 PDFs of 10 pages, in a file store in
// memory), against a baseline measured in the same run: Debian's qpdf merging the same PDFs
// (`qpdf --empty --pages … -- out.pdf`). Prints both times, their ratio (the goal is 2× or
// less), and peak memory: ours sampled from process.memoryUsage().rss, qpdf's from
// /usr/bin/time. Times are given as wall-clock and as CPU time (user + system): on a shared
// machine the wall-clock ratio swings with the load, the CPU-time ratio much less. Our figure
// covers more than a merge: the front sheet and agenda are typeset, every page is stamped, and
// the outline and metadata are written.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, ParseSpeeds, StandardFonts } from "pdf-lib";
import { compilePack } from "../src/publishing/pack/compile.js";
import { loadPackFonts } from "../src/publishing/pack/fonts.js";
import type { PackFacts, PackItem } from "../src/publishing/pack/types.js";
import { memoryFileStore } from "../src/records/files.js";

const PAPERS = 30;
const PAGES = 10;
const runs = Number(process.env.BENCH_RUNS ?? 5);

async function generatedPaper(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let page = 1; page <= PAGES; page++) {
    const p = doc.addPage([595.28, 841.89]);
    p.drawText(`Report ${n}: page ${page} of ${PAGES}`, { x: 64, y: 770, size: 16, font: bold });
    for (let line = 0; line < 45; line++) {
      const text = `${n}.${page}.${line} The committee is recommended to note the report and its appendices.`;
      p.drawText(text, { x: 64, y: 740 - line * 15, size: 10, font });
    }
  }
  return doc.save();
}

function facts(keys: string[]): PackFacts {
  const items: PackItem[] = keys.map((fileKey, i) => ({
    withheld: false,
    number: String(i + 1),
    title: `Report ${i + 1}`,
    description: "The committee will consider the report.",
    part: "I",
    exemptParagraph: null,
    isKeyDecision: false,
    isLate: false,
    urgencyReason: null,
    papers: [
      {
        key: `report-${i + 1}`,
        title: `Report ${i + 1}`,
        part: "I",
        exemptParagraph: null,
        source: { kind: "pdf", fileKey },
        contentHash: fileKey,
      },
    ],
  }));
  return {
    kind: "agenda",
    audience: "public",
    authority: { name: "Benchmark Borough Council", slug: "benchmark", nation: "england" },
    body: { name: "Planning Committee" },
    meeting: {
      slug: "2026-01-14-planning-committee",
      date: "2026-01-14",
      startTime: "18:00",
      endTime: null,
      venue: "Council Chamber",
      status: "scheduled",
      publishedOn: "2026-01-06",
      contact: "Democratic Services",
      webcastUrl: null,
    },
    members: [],
    items,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

const files = memoryFileStore();
const papers: Uint8Array[] = [];
for (let n = 1; n <= PAPERS; n++) papers.push(await generatedPaper(n));
const keys = await Promise.all(papers.map((bytes) => files.put(bytes)));
const fonts = await loadPackFonts();
const input = facts(keys);

// Ours: peak resident memory sampled every 5 ms while the pack is built.
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const ours: number[] = [];
const oursCpu: number[] = [];
let pageCount = 0;
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pack = await compilePack(input, { files, fonts });
  const used = process.cpuUsage(cpu);
  ours.push(performance.now() - started);
  oursCpu.push((used.user + used.system) / 1000);
  pageCount = pack.pageCount;
  bytes = pack.bytes.length;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

// The floor pdf-lib sets: the same PDFs merged with nothing else done (no front sheet, no
// stamps, no outline), to tell what the pack adds from what the library costs.
const floor: number[] = [];
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const paper of papers) {
    const source = await PDFDocument.load(paper, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  await merged.save({ useObjectStreams: true, objectsPerTick: Infinity });
  const used = process.cpuUsage(cpu);
  floor.push((used.user + used.system) / 1000);
}

// qpdf, on the same PDFs written to disk.
const folder = mkdtempSync(join(tmpdir(), "witan-bench-pack-"));
const qpdf: number[] = [];
const qpdfCpu: number[] = [];
let qpdfPeakKb: number | null = null;
const hasQpdf = spawnSync("qpdf", ["--version"]).status === 0;
try {
  const paths = papers.map((paper, i) => {
    const path = join(folder, `paper-${i + 1}.pdf`);
    writeFileSync(path, paper);
    return path;
  });
  const args = ["--empty", "--pages", ...paths, "--", join(folder, "out.pdf")];
  const timed = existsSync("/usr/bin/time");
  for (let i = 0; hasQpdf && i < runs; i++) {
    const started = performance.now();
    const result = timed
      ? spawnSync("/usr/bin/time", ["-f", "witan-bench %U %S %M", "qpdf", ...args], { encoding: "utf8" })
      : spawnSync("qpdf", args, { encoding: "utf8" });
    qpdf.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`qpdf failed: ${result.stderr}`);
    const figures = /witan-bench ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? "");
    if (figures) {
      qpdfCpu.push((Number(figures[1]) + Number(figures[2])) * 1000);
      qpdfPeakKb = Math.max(qpdfPeakKb ?? 0, Number(figures[3]));
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const w = median(ours);
const wCpu = median(oursCpu);
console.log(`pack of ${pageCount} pages (${PAPERS} PDFs of ${PAGES} pages), ${(bytes / 1024).toFixed(0)} KB`);
console.log(
  `witan pack compiler: median ${w.toFixed(0)} ms wall, ${wCpu.toFixed(0)} ms CPU of ${runs} runs; ` +
    `peak RSS ${mb(peak)} (${mb(baseline)} before building: Node, the libraries and the papers in memory)`,
);
console.log(`pdf-lib merging the same PDFs and nothing else: median ${median(floor).toFixed(0)} ms CPU`);
if (!hasQpdf) {
  console.log("qpdf is not installed (apt-get install qpdf): no baseline, so no ratio");
} else {
  const q = median(qpdf);
  const qCpu = qpdfCpu.length > 0 ? median(qpdfCpu) : null;
  const cpu = qCpu === null ? "" : `, ${qCpu.toFixed(0)} ms CPU`;
  const memory =
    qpdfPeakKb === null ? "peak RSS unknown (no /usr/bin/time)" : `peak RSS ${mb(qpdfPeakKb * 1024)}`;
  console.log(`qpdf --empty --pages (baseline): median ${q.toFixed(0)} ms wall${cpu}; ${memory}`);
  const cpuRatio = qCpu === null || qCpu === 0 ? "" : `, ${(wCpu / qCpu).toFixed(2)}× in CPU time`;
  console.log(`ratio: ${(w / q).toFixed(2)}× in wall-clock time${cpuRatio} (goal ≤ 2×)`);
}
