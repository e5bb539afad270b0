import { describe, test } from "node:test";
import assert from "node:assert/strict";
import formbody from "@fastify/formbody";
import Fastify from "fastify";
import { csrf, csrfToken } from "./csrf.js";

// The CSRF check is registered at the root, so it covers every route in the app, including a
// route added later by someone who never heard of it.

async function appWithForms() {
  const app = Fastify();
  await app.register(formbody);
  await csrf(app);
  let changes = 0;
  app.post("/anywhere", async () => {
    changes += 1;
    return "changed";
  });
  app.delete("/anywhere", async () => {
    changes += 1;
    return "deleted";
  });
  app.get("/anywhere", async () => "read");
  // A page bound to a known secret, as the back office binds its pages to the session's.
  app.get("/form", async (request, reply) => {
    request.session = { csrfSecret: "a-secret-for-this-test-only" };
    return csrfToken(request, reply);
  });
  app.post(
    "/bound",
    { onRequest: async (request) => void (request.session = { csrfSecret: "a-secret-for-this-test-only" }) },
    async () => {
      changes += 1;
      return "changed";
    },
  );
  await app.ready();
  return { app, changes: () => changes };
}

describe("the CSRF check", () => {
  test("refuses every unsafe method on any route that has no secret, before its handler runs", async () => {
    const { app, changes } = await appWithForms();
    for (const method of ["POST", "DELETE"] as const) {
      const response = await app.inject({ method, url: "/anywhere", payload: { _csrf: "anything" } });
      assert.equal(response.statusCode, 403, method);
    }
    assert.equal((await app.inject("/anywhere")).statusCode, 200, "GET needs no token");
    assert.equal(changes(), 0);
    await app.close();
  });

  test("accepts a token made from the request's secret, in the form or a header, and no other", async () => {
    const { app, changes } = await appWithForms();
    const token = (await app.inject("/form")).body;
    const again = (await app.inject("/form")).body;
    assert.notEqual(token, again, "each page gets a differently salted token");
    const post = (payload: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url: "/bound",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        payload,
      });
    assert.equal((await post(`_csrf=${encodeURIComponent(token)}`)).statusCode, 200);
    assert.equal((await post(`_csrf=${encodeURIComponent(again)}`)).statusCode, 200);
    assert.equal((await post("", { "x-csrf-token": token })).statusCode, 200);
    assert.equal((await post("")).statusCode, 403);
    assert.equal((await post(`_csrf=${encodeURIComponent(token.slice(0, -2))}`)).statusCode, 403);
    assert.equal(changes(), 3);
    await app.close();
  });
});
