import type { LightMyRequestResponse } from "fastify";
import { formBody, type BackOffice, type User } from "../../support/back-office.js";

/** Posts to a page that shows no form (a closed or refused one), with a token from another page,
 * as a stale browser tab would. */
export async function postAnyway(
  office: BackOffice,
  user: User,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return office.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie },
    payload: formBody({ ...fields, _csrf: await office.tokenFor(user) }),
  });
}
