import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where product images live. Local disk under DATA_DIR/uploads is the one
 * implemented; an object store would implement the same three calls and
 * be chosen by IMAGE_STORE (only "local" is accepted today).
 */
export interface ImageStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is no such image. */
  get(key: string): Promise<Buffer | null>;
  remove(keys: readonly string[]): Promise<void>;
}

/** Keys are ours ("products/<id>/<id>-<width>.webp"); nothing else is served. */
export const IMAGE_KEY_PATTERN = /^products\/[0-9a-f-]{36}\/[0-9a-f-]{36}-\d{2,4}\.webp$/;

function assertKey(key: string): void {
  if (!IMAGE_KEY_PATTERN.test(key)) throw new RangeError(`Not an image key: ${key}`);
}

/** Stores images as files under a directory. */
export function localImageStore(root: string): ImageStore {
  return {
    async put(key, bytes) {
      assertKey(key);
      const file = path.join(root, key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      if (!IMAGE_KEY_PATTERN.test(key)) return null;
      try {
        return await readFile(path.join(root, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(keys) {
      for (const key of keys) {
        assertKey(key);
        await rm(path.join(root, key), { force: true });
      }
    },
  };
}

/** The store the configuration names; local disk by default. */
export function configuredImageStore(env: NodeJS.ProcessEnv = process.env): ImageStore {
  const kind = env.IMAGE_STORE?.trim() || "local";
  if (kind !== "local") {
    throw new Error(`IMAGE_STORE=${kind} is not supported; only "local" is implemented.`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? ".data");
  return localImageStore(env.UPLOADS_DIR?.trim() || path.join(dataDir, "uploads"));
}

/** The file key of one rendition. */
export function renditionKey(imagePath: string, width: number): string {
  return `${imagePath}-${width}.webp`;
}

/** The public URL of one rendition, served by app/uploads/[...key]/route.ts. */
export function renditionUrl(imagePath: string, width: number): string {
  return `/uploads/${renditionKey(imagePath, width)}`;
}
