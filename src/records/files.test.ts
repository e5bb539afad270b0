import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { localFileStore, memoryFileStore, sha256 } from "./files.js";

const folder = mkdtempSync(join(tmpdir(), "witan-files-"));
after(() => rmSync(folder, { recursive: true, force: true }));

for (const [name, store] of [
  ["local", localFileStore(folder)],
  ["memory", memoryFileStore()],
] as const) {
  test(`${name} store: bytes are kept under their SHA-256, once`, async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 a report");
    const key = await store.put(bytes);
    assert.equal(key, sha256(bytes));
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.equal(await store.put(bytes), key);
    assert.deepEqual(await store.get(key), bytes);
    assert.equal(await store.has(key), true);
    assert.equal(await store.get(sha256(new Uint8Array([1]))), null);
  });
}

test("the local store writes each file once and leaves no partial files", async () => {
  const store = localFileStore(folder);
  const key = await store.put(new Uint8Array([1, 2, 3]));
  const files = readdirSync(join(folder, key.slice(0, 2), key.slice(2, 4)));
  assert.deepEqual(files, [key]);
  await assert.rejects(store.get("../../etc/passwd"), /Not a file-store key/);
});
