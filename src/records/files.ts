import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

// The file store: documents' bytes, content-addressed by SHA-256, so the same file stored twice
// is kept once and a key always names the same bytes. Local folder by default (data/files/);
// an S3-compatible store can stand behind the same interface.

export interface FileStore {
  /** Stores the bytes and returns their key: the lowercase hex SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes under a key, or null when the store does not hold them. */
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const KEY = /^[0-9a-f]{64}$/;

export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a file-store key: ${key}`);
    return join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(bytes) {
      const key = sha256(bytes);
      const path = pathOf(key);
      if (await exists(path)) return key;
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const partial = `${path}.${randomBytes(6).toString("hex")}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
      return key;
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
        throw error;
      }
    },
    has: async (key) => exists(pathOf(key)),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A store in memory, for tests. */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const key = sha256(bytes);
      files.set(key, bytes);
      return key;
    },
    get: async (key) => files.get(key) ?? null,
    has: async (key) => files.has(key),
  };
}
