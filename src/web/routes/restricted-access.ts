import type { FastifyRequest } from "fastify";
import { can } from "../../domain/policy.js";
import { bodyAuthorityIds } from "../../records/bodies.js";
import { findPackMeeting } from "../../records/packs.js";
import { readSignedIn, type SessionDeps } from "../plugins/sessions.js";

// Who may have a meeting's restricted pack (with its exempt papers): a signed-in account that may
// read that body's exempt material — officers of a taking-part authority, members who sit on it.
export function canReadExemptPapers(deps: SessionDeps) {
  return async (
    request: FastifyRequest,
    params: { authority: string; meeting: string },
  ): Promise<boolean> => {
    const signedIn = await readSignedIn(request, deps);
    if (signedIn === null) return false;
    const meeting = await findPackMeeting(
      deps.db,
      { authoritySlug: params.authority, meetingSlug: params.meeting },
      "restricted",
    );
    if (!meeting) return false;
    const authorityIds = await bodyAuthorityIds(deps.db, meeting.body.id);
    return can(signedIn.account, "read-exempt", {
      authorityId: meeting.authorityId,
      authorityIds,
      bodyId: meeting.body.id,
    });
  };
}
