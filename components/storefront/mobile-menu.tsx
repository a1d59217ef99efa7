"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

/** The phone's category menu: a button that opens a list, closed again on navigation. */
export function MobileMenu({
  categories,
}: {
  categories: { handle: string; name: string }[];
}) {
  const [isOpen, setIsOpen] = useState(false);
  const pathname = usePathname();
  const id = useId();

  // A new page closes the menu.
  useEffect(() => {
    if (pathname) setIsOpen(false);
  }, [pathname]);

  return (
    <div className="relative md:hidden">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setIsOpen(false);
        }}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 hover:bg-black/5"
      >
        <span className="sr-only">Menu</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6">
          <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <nav
        id={id}
        aria-label="Categories"
        className={`${isOpen ? "block" : "hidden"} absolute left-0 top-12 w-72 max-w-[calc(100vw-1rem)] rounded-xl bg-white p-2 shadow-lg`}
      >
        <ul>
          {categories.map((c) => (
            <li key={c.handle}>
              <Link
                href={`/categories/${c.handle}`}
                onClick={() => setIsOpen(false)}
                className="flex min-h-11 items-center rounded-lg px-3 font-medium hover:bg-black/5"
              >
                {c.name}
              </Link>
            </li>
          ))}
          <li>
            <Link
              href="/stores"
              onClick={() => setIsOpen(false)}
              className="flex min-h-11 items-center rounded-lg px-3 hover:bg-black/5"
            >
              Our stores
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
