import type { Db } from "../../db/connect.js";
import { WitanError } from "../../errors.js";
import type { FileStore } from "../../records/files.js";
import {
  findPackBuild,
  findPackMeeting,
  packItems,
  packMembers,
  savePackBuild,
  type PackMeetingRef,
} from "../../records/packs.js";
import { compilePack } from "./compile.js";
import { packFacts } from "./facts.js";
import { loadPackFonts, type PackFonts } from "./fonts.js";
import { packInputHash } from "./input-hash.js";
import type { Audience, PackKind } from "./types.js";

// A pack on request: read the facts, hash them, and either find the pack already built from
// exactly those inputs or build it, keep its bytes in the file store and record it. The web
// routes and `witan pack` both come here; the database and the file store arrive as arguments.

export type PackDeps = {
  db: Db;
  files: FileStore;
  fonts?: PackFonts;
  onProgress?: (done: number, total: number) => void;
  /** when a build is recorded as made; never printed in the pack */
  now?: () => Date;
};

export type PackRequest = { meeting: PackMeetingRef; kind: PackKind; audience: Audience };

export type Pack = {
  /** the SHA-256 of the PDF: its file-store key and its strong ETag */
  sha256: string;
  pageCount: number;
  sizeBytes: number;
  filename: string;
  /** whether the pack came from the cache rather than being built now */
  fromCache: boolean;
  bytes(): Promise<Uint8Array>;
};

// Requests for the same pack while it is being built share the one build. This only saves work
// within a process; across processes the cache's unique key keeps concurrent builds harmless.
// Builds are shared per database and file store, so that two deployments in one process (or
// two tests) never hand each other a pack stored elsewhere.
const builds = new WeakMap<Db, WeakMap<FileStore, Map<string, Promise<Pack>>>>();

function buildsFor(db: Db, files: FileStore): Map<string, Promise<Pack>> {
  let byStore = builds.get(db);
  if (!byStore) {
    byStore = new WeakMap();
    builds.set(db, byStore);
  }
  let running = byStore.get(files);
  if (!running) {
    running = new Map();
    byStore.set(files, running);
  }
  return running;
}

export async function getPack(deps: PackDeps, request: PackRequest): Promise<Pack> {
  const { db, files } = deps;
  const meeting = await findPackMeeting(db, request.meeting, request.audience);
  if (!meeting) {
    const which = request.audience === "public" ? "published meeting" : "meeting";
    throw new WitanError("NOT_FOUND", `There is no ${which} "${describe(request.meeting)}"`);
  }
  const items = await packItems(db, meeting, request.kind, request.audience);
  if (request.kind === "supplement" && items.length === 0) {
    throw new WitanError("NOT_FOUND", `The meeting "${describe(request.meeting)}" has no late items`);
  }
  const members = await packMembers(db, meeting);
  const facts = await packFacts({ meeting, members, items }, request, files);
  const inputHash = packInputHash(facts);
  const key = { meeting, kind: request.kind, audience: request.audience, inputHash };
  const filename = packFilename(meeting.authority.slug, meeting.slug, request.kind, request.audience);

  const cached = await findPackBuild(db, key);
  if (cached && (await files.has(cached.fileKey))) {
    return {
      sha256: cached.fileKey,
      pageCount: cached.pageCount,
      sizeBytes: cached.sizeBytes,
      filename,
      fromCache: true,
      bytes: async () => {
        const bytes = await files.get(cached.fileKey);
        if (bytes === null)
          throw new WitanError("FILE_UNREADABLE", `The pack ${filename} has left the file store`);
        return bytes;
      },
    };
  }

  const building = buildsFor(db, files);
  const running = building.get(inputHash);
  if (running) return running;
  const build = (async (): Promise<Pack> => {
    const compiled = await compilePack(facts, {
      files,
      fonts: deps.fonts ?? (await loadPackFonts()),
      onProgress: deps.onProgress,
    });
    // Only a whole pack reaches the store and the cache: a failed build has thrown by now.
    const sha256 = await files.put(compiled.bytes);
    const builtAt = (deps.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
    const record = {
      fileKey: sha256,
      pageCount: compiled.pageCount,
      sizeBytes: compiled.bytes.length,
      builtAt,
    };
    await savePackBuild(db, key, record);
    return {
      sha256,
      pageCount: record.pageCount,
      sizeBytes: record.sizeBytes,
      filename,
      fromCache: false,
      bytes: async () => compiled.bytes,
    };
  })();
  building.set(inputHash, build);
  try {
    return await build;
  } finally {
    building.delete(inputHash);
  }
}

function describe(ref: PackMeetingRef): string {
  return ref.authoritySlug === undefined ? ref.meetingSlug : `${ref.authoritySlug}/${ref.meetingSlug}`;
}

/** "plymouth-city-council-2017-09-20-wellbeing-overview-and-scrutiny-committee-agenda-pack.pdf" */
export function packFilename(
  authoritySlug: string,
  meetingSlug: string,
  kind: PackKind,
  audience: Audience,
): string {
  const what = kind === "supplement" ? "supplement" : "agenda-pack";
  return `${authoritySlug}-${meetingSlug}-${what}${audience === "restricted" ? "-restricted" : ""}.pdf`;
}
