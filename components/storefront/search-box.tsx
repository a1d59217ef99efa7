"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import type { Suggestions } from "@/app/api/storefront/suggestions/route";

interface Option {
  id: string;
  href: string;
  label: string;
  detail: string;
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

async function fetchSuggestions(query: string): Promise<Suggestions> {
  const response = await fetch(
    `/api/storefront/suggestions?q=${encodeURIComponent(query)}`,
  );
  if (!response.ok) return { products: [], categories: [] };
  return (await response.json()) as Suggestions;
}

/**
 * The search field with suggestions as the shopper types (an ARIA
 * combobox): arrow keys move through them, Enter opens one, and Enter on
 * the text alone shows every result on the search page.
 */
export function SearchBox({
  defaultValue = "",
  autoFocus = false,
}: {
  defaultValue?: string;
  autoFocus?: boolean;
}) {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), 150);

  const { data } = useQuery({
    queryKey: ["storefront-suggestions", query],
    queryFn: () => fetchSuggestions(query),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const options: Option[] =
    query.length < 2 || !data
      ? []
      : [
          ...data.categories.map((c) => ({
            id: `${listId}-c-${c.handle}`,
            href: `/categories/${c.handle}`,
            label: c.name,
            detail: "Category",
          })),
          ...data.products.map((p) => ({
            id: `${listId}-p-${p.handle}`,
            href: `/products/${p.handle}`,
            label: p.title,
            detail: p.price,
          })),
        ];
  const isExpanded = isOpen && options.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setIsOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      setIsOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && isExpanded && active >= 0) {
      const option = options[active];
      if (option) {
        event.preventDefault();
        setIsOpen(false);
        router.push(option.href);
      }
    }
  }

  return (
    <search className="relative">
      <form action="/search" method="get">
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search the shop
        </label>
        <input
          id={`${listId}-input`}
          name="q"
          type="search"
          role="combobox"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: only on the search page, where typing is the point
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-expanded={isExpanded}
          aria-controls={listId}
          aria-activedescendant={
            isExpanded && active >= 0 ? options[active]?.id : undefined
          }
          placeholder="Search jumpers, candles, SKUs…"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setIsOpen(true);
            setActive(-1);
          }}
          onFocus={() => setIsOpen(true)}
          onBlur={() => setTimeout(() => setIsOpen(false), 150)}
          onKeyDown={onKeyDown}
          className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3 text-base"
        />
        <div
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className={`${isExpanded ? "block" : "hidden"} absolute inset-x-0 top-12 z-30 max-h-96 overflow-auto rounded-xl bg-white p-1 shadow-lg`}
        >
          {options.map((option, index) => (
            <div
              key={option.id}
              id={option.id}
              role="option"
              // Focus stays in the input; aria-activedescendant points here.
              tabIndex={-1}
              aria-selected={index === active}
              onMouseDown={(event) => {
                // Before the input's blur closes the list.
                event.preventDefault();
                setIsOpen(false);
                router.push(option.href);
              }}
              className={`flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-lg px-3 text-sm ${
                index === active ? "bg-brand-50" : "hover:bg-black/5"
              }`}
            >
              <span className="font-medium">{option.label}</span>
              <span className="shrink-0 text-ink/70">{option.detail}</span>
            </div>
          ))}
        </div>
      </form>
    </search>
  );
}
