import type { Db } from "@/lib/db/client";

/** A category by its handle, with its parent and children, for its page. */
export function findCategoryByHandle(db: Db, handle: string) {
  return db.category.findUnique({
    where: { handle },
    include: {
      parent: { select: { name: true, handle: true } },
      children: { orderBy: { position: "asc" }, select: { name: true, handle: true } },
    },
  });
}
