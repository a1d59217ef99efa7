"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateProductImagesAction } from "@/app/(admin)/admin/products/actions";
import { FormMessage, INPUT_CLASS, Panel } from "@/components/admin/form-controls";
import { useAction } from "@/components/admin/use-action";

interface ImageItem {
  id: string;
  alt: string;
  url: string;
  width: number;
  height: number;
}

/** A product's photos: upload, describe, reorder, remove. */
export function ImageManager({
  productId,
  images,
  canWrite,
}: {
  productId: string;
  images: ImageItem[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [items, setItems] = useState(images);
  const [isUploading, setIsUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const save = useAction(updateProductImagesAction);
  const isDirty = JSON.stringify(items) !== JSON.stringify(images);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setIsUploading(true);
    setUploadError(null);
    try {
      for (const file of Array.from(files)) {
        const body = new FormData();
        body.set("file", file);
        const response = await fetch(`/admin/products/${productId}/images`, {
          method: "POST",
          body,
        });
        if (!response.ok) {
          const problem = (await response.json().catch(() => null)) as {
            title?: string;
            fields?: Record<string, string[]>;
          } | null;
          setUploadError(
            `${file.name}: ${problem?.fields?.file?.[0] ?? problem?.title ?? "upload failed"}`,
          );
          break;
        }
      }
    } finally {
      setIsUploading(false);
      router.refresh();
    }
  }

  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setItems(next);
  };

  return (
    <Panel title="Photos">
      {items.length === 0 && <p className="text-sm text-slate-500">No photos yet.</p>}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map((image, index) => (
          <li key={image.id} className="space-y-2 rounded-lg border border-slate-200 p-2">
            {/* biome-ignore lint/performance/noImgElement: renditions are already resized WebP */}
            <img
              src={image.url}
              alt={image.alt}
              width={image.width}
              height={image.height}
              className="aspect-square w-full rounded bg-slate-100 object-cover"
            />
            {index === 0 && (
              <p className="text-xs font-medium text-brand-700">Main photo</p>
            )}
            {canWrite && (
              <>
                <input
                  aria-label={`Description of photo ${index + 1}`}
                  placeholder="Describe the photo"
                  className={INPUT_CLASS}
                  value={image.alt}
                  maxLength={250}
                  onChange={(e) =>
                    setItems(
                      items.map((it) =>
                        it.id === image.id ? { ...it, alt: e.target.value } : it,
                      ),
                    )
                  }
                />
                <div className="flex gap-1 text-xs">
                  <button
                    type="button"
                    disabled={index === 0}
                    className="min-h-9 flex-1 rounded border border-slate-300 disabled:opacity-40"
                    onClick={() => move(index, -1)}
                    aria-label={`Move photo ${index + 1} earlier`}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    disabled={index === items.length - 1}
                    className="min-h-9 flex-1 rounded border border-slate-300 disabled:opacity-40"
                    onClick={() => move(index, 1)}
                    aria-label={`Move photo ${index + 1} later`}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    className="min-h-9 flex-1 rounded border border-red-200 text-red-700"
                    onClick={() => setItems(items.filter((it) => it.id !== image.id))}
                  >
                    Remove
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="flex flex-wrap items-center gap-3">
          <label className="min-h-11 cursor-pointer rounded-lg border border-slate-300 px-3 py-2 text-sm">
            {isUploading ? "Uploading…" : "Upload photos"}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              multiple
              className="sr-only"
              disabled={isUploading}
              onChange={(e) => void upload(e.target.files)}
            />
          </label>
          {isDirty && (
            <button
              type="button"
              disabled={save.isPending}
              className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white"
              onClick={() =>
                void save.run({
                  productId,
                  images: items.map((i) => ({ id: i.id, alt: i.alt })),
                })
              }
            >
              Save photos
            </button>
          )}
          <FormMessage
            error={uploadError ?? save.failure?.message}
            success={save.done ? "Photos saved." : null}
          />
        </div>
      )}
    </Panel>
  );
}
