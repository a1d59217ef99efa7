import Link from "next/link";

const CRUMB_CLASS = "inline-flex min-h-11 items-center";

/**
 * Where a page sits in the shop: Home, then `trail` as links, then the
 * page itself (`current`) when it is not the last link already.
 */
export function Breadcrumbs({
  trail,
  current,
  className,
}: {
  trail: { name: string; href: string }[];
  current?: string;
  className: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className={`text-sm text-ink/70 ${className}`}>
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/" className={`${CRUMB_CLASS} hover:underline`}>
            Home
          </Link>
        </li>
        {trail.map((crumb) => (
          <li key={crumb.href}>
            <span aria-hidden="true">/ </span>
            <Link href={crumb.href} className={`${CRUMB_CLASS} hover:underline`}>
              {crumb.name}
            </Link>
          </li>
        ))}
        {current && (
          <li aria-current="page" className={CRUMB_CLASS}>
            <span aria-hidden="true">/&nbsp;</span>
            {current}
          </li>
        )}
      </ol>
    </nav>
  );
}
