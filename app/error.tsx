"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center" role="alert">
        <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
        <p className="mt-3 text-ink/70">
          Please try again. If it keeps happening, tell a manager.
        </p>
        <button
          type="button"
          onClick={reset}
          className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white"
        >
          Try again
        </button>
      </div>
    </main>
  );
}
