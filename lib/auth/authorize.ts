import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { LOCATION_SCOPED_ROLES, type Permission, roleAllows } from "./permissions";

export interface AuthorizeOptions {
  /** The location the action touches, for location-bound staff. */
  locationId?: string | null;
}

/** Whether the actor may use the permission (and, if given, at the location). */
export function can(
  actor: Actor | null | undefined,
  permission: Permission,
  options: AuthorizeOptions = {},
): boolean {
  if (!actor) return false;

  switch (actor.kind) {
    case "system":
      return true;
    case "guest":
    case "customer":
      return false;
    case "api_key":
      return actor.scopes.includes(permission);
    case "staff": {
      if (!roleAllows(actor.role, permission)) return false;
      if (!options.locationId || actor.locationIds === "all") return true;
      return actor.locationIds.includes(options.locationId);
    }
  }
}

/**
 * The one permission check. Throws `unauthenticated` without an actor and
 * `forbidden` when the role, scope or location does not allow the action.
 */
export function authorize(
  actor: Actor | null | undefined,
  permission: Permission,
  options: AuthorizeOptions = {},
): asserts actor is Actor {
  if (!actor) {
    throw new AppError("unauthenticated", "Please sign in to continue.");
  }
  if (!can(actor, permission, options)) {
    const where = options.locationId ? ` at location ${options.locationId}` : "";
    throw new AppError("forbidden", "You do not have permission to do that.", {
      internal: `${actor.kind} ${"id" in actor ? actor.id : ""} lacks ${permission}${where}`,
    });
  }
}

/**
 * The locations whose data the actor may see: null means every location.
 * Queries filter by it so that location-bound staff get nothing of other
 * stores by any path.
 */
export function visibleLocationIds(actor: Actor): string[] | null {
  if (actor.kind !== "staff") return null;
  if (!LOCATION_SCOPED_ROLES.has(actor.role)) return null;
  return actor.locationIds === "all" ? null : actor.locationIds;
}
