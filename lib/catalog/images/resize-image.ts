import sharp from "sharp";
import { AppError } from "@/lib/errors";

/** Widths kept of every photo: zoom, product page, thumbnails. */
export const RENDITION_WIDTHS = [1600, 800, 400] as const;

/** The largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

export interface Rendition {
  width: number;
  height: number;
  bytes: Buffer;
}

/**
 * Turns an uploaded photo into WebP renditions, largest first, turned
 * upright by its EXIF orientation and stripped of metadata (camera GPS
 * has no place on a shop). Refuses anything that is not a still image.
 */
export async function resizeImage(input: Buffer): Promise<Rendition[]> {
  if (input.length > MAX_UPLOAD_BYTES) {
    throw invalidFile(`A photo is at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  let width: number;
  let height: number;
  try {
    const meta = await sharp(input, { limitInputPixels: 80_000_000 }).rotate().metadata();
    const isRotated = (meta.orientation ?? 1) >= 5;
    width = (isRotated ? meta.height : meta.width) ?? 0;
    height = (isRotated ? meta.width : meta.height) ?? 0;
  } catch (error) {
    throw invalidFile(
      "That file is not a photo we can read (use JPEG, PNG, WebP or AVIF).",
      error,
    );
  }
  if (width < 100 || height < 100) {
    throw invalidFile(
      "The photo is too small; use one at least 100 pixels wide and high.",
    );
  }

  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(width);
  const renditions: Rendition[] = [];
  for (const target of widths) {
    const { data, info } = await sharp(input, { limitInputPixels: 80_000_000 })
      .rotate()
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    renditions.push({ width: info.width, height: info.height, bytes: data });
  }
  return renditions;
}

function invalidFile(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", message, { fields: { file: [message] }, cause });
}
