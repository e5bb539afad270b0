import type { FastifyReply } from "fastify";

/** Renders a view to a string first, so a template error reaches the error handler as an error
 * rather than as a half-sent page. */
export async function sendPage(reply: FastifyReply, template: string, data: object): Promise<FastifyReply> {
  const html = await reply.viewAsync(template, data);
  return reply.type("text/html; charset=utf-8").send(html);
}
