import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/connect.js";
import { WitanError } from "../../errors.js";
import type { Audience, PackKind } from "../../publishing/pack/types.js";
import type { FileStore } from "../../records/files.js";

// The agenda packs as PDFs: the public pack and supplement of a published meeting, and the
// restricted pack and supplement (with exempt papers) for whoever the app's canSeeRestricted
// hook admits: members of the body and officers, once accounts exist (issue 5). Without the
// hook nobody is admitted. A pack is served with its SHA-256 as a strong ETag, so a reader who
// has it already gets 304 Not Modified, and it is rebuilt only when its inputs change.

type Params = { authority: string; meeting: string };

export type PackRouteDeps = {
  db: Db;
  files: FileStore;
  /** whether this request may have a meeting's restricted packs; absent means no one may */
  canSeeRestricted?: (request: FastifyRequest, meeting: Params) => boolean | Promise<boolean>;
};

const FILES: { name: string; kind: PackKind; audience: Audience }[] = [
  { name: "pack.pdf", kind: "agenda", audience: "public" },
  { name: "supplement.pdf", kind: "supplement", audience: "public" },
  { name: "restricted-pack.pdf", kind: "agenda", audience: "restricted" },
  { name: "restricted-supplement.pdf", kind: "supplement", audience: "restricted" },
];

/** The address of a meeting's pack, for links from the meeting page. */
export function packUrl(
  authoritySlug: string,
  meetingSlug: string,
  kind: PackKind,
  audience: Audience,
): string {
  const file = FILES.find((f) => f.kind === kind && f.audience === audience)?.name ?? "pack.pdf";
  return `/authorities/${encodeURIComponent(authoritySlug)}/meetings/${encodeURIComponent(meetingSlug)}/${file}`;
}

// Slugs are lower-case words joined by hyphens; anything else cannot name a record.
const SLUG = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 120 };

export function packRoutes(deps: PackRouteDeps): FastifyPluginAsync {
  return async (app) => {
    for (const file of FILES) {
      app.get<{ Params: Params }>(
        `/authorities/:authority/meetings/:meeting/${file.name}`,
        {
          schema: {
            params: {
              type: "object",
              properties: { authority: SLUG, meeting: SLUG },
              required: ["authority", "meeting"],
            },
          },
        },
        async (request, reply) => {
          const { authority, meeting } = request.params;
          // Refused as "not found", never "forbidden": a restricted pack is not to be confirmed.
          if (file.audience === "restricted" && !(await deps.canSeeRestricted?.(request, request.params))) {
            throw new WitanError("NOT_FOUND");
          }
          // The compiler is loaded on the first request for a pack, so that it costs the
          // server's start nothing.
          const { getPack } = await import("../../publishing/pack/service.js");
          const pack = await getPack(
            { db: deps.db, files: deps.files },
            {
              meeting: { authoritySlug: authority, meetingSlug: meeting },
              kind: file.kind,
              audience: file.audience,
            },
          );
          const etag = `"${pack.sha256}"`;
          reply
            .header("etag", etag)
            // Public packs may be kept anywhere but must be revalidated (their URL outlives their
            // content); exempt information is kept by no cache at all.
            .header("cache-control", file.audience === "public" ? "public, no-cache" : "private, no-store")
            .header("content-type", "application/pdf")
            .header("content-disposition", `inline; filename="${pack.filename}"`);
          if (matches(request, etag)) return reply.code(304).send();
          return send(reply, await pack.bytes());
        },
      );
    }
  };
}

/** If-None-Match compares weakly (RFC 9110, 13.1.2): W/"x" matches "x"; "*" matches anything. */
function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (header === undefined) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

function send(reply: FastifyReply, bytes: Uint8Array): FastifyReply {
  return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
