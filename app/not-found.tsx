import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-bold">We couldn’t find that page</h1>
        <p className="mt-3 text-ink/70">
          It may have moved, or the product is no longer sold.
        </p>
        <Link
          href="/"
          className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white"
        >
          Back to the shop
        </Link>
      </div>
    </main>
  );
}
