import type { FastifyReply, FastifyRequest } from "fastify";

// The back office's two cookies, read and written here and nowhere else. Their values are random
// base64url strings Witan made, so a value in any other form is ignored rather than decoded.
// (@fastify/cookie's current release needs Node 22; two cookies of our own making do not need it.)
//
// Every cookie is HttpOnly (no script reads it), SameSite=Lax (not sent with another site's
// forms) and scoped to the whole site. With secure cookies on, as in production, each is also
// Secure and named with the __Host- prefix, which browsers accept only from HTTPS, with Path=/
// and no Domain, so neither a subdomain nor a plain-HTTP page can plant or overwrite it.

const VALUE = /^[A-Za-z0-9_-]{1,128}$/;

export type CookieOptions = { secure: boolean; maxAgeSeconds?: number };

/** The cookie's name as it is sent: "__Host-witan-session", or "witan-session" without HTTPS. */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

export function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (header === undefined) return null;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const value = pair.slice(at + 1).trim();
    return VALUE.test(value) ? value : null;
  }
  return null;
}

export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  if (!VALUE.test(value)) throw new Error(`A cookie value must be base64url, not "${value}"`);
  const attributes = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.secure) attributes.push("Secure");
  if (options.maxAgeSeconds !== undefined)
    attributes.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  // Fastify adds each set-cookie header to those already set, rather than replacing them.
  reply.header("set-cookie", attributes.join("; "));
}

export function clearCookie(reply: FastifyReply, name: string, options: CookieOptions): void {
  const attributes = [`${name}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) attributes.push("Secure");
  reply.header("set-cookie", attributes.join("; "));
}
