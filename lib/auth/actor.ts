import type { Permission, StaffRoleName } from "./permissions";

/** Who is acting: the subject of every permission check and audit entry. */
export type Actor =
  | {
      kind: "staff";
      id: string;
      email: string;
      name: string;
      role: StaffRoleName;
      /** Locations the member works at; "all" when not location-bound. */
      locationIds: string[] | "all";
    }
  | { kind: "api_key"; id: string; name: string; scopes: Permission[] }
  | { kind: "customer"; id: string; email: string }
  /** A shopper who has not signed in; may use no permission at all. */
  | { kind: "guest" }
  | { kind: "system"; reason: string };

export type StaffActor = Extract<Actor, { kind: "staff" }>;

/** The short form used in stock movements and logs, e.g. "staff:<id>". */
export function actorRef(actor: Actor): string {
  if (actor.kind === "system" || actor.kind === "guest") return actor.kind;
  return `${actor.kind}:${actor.id}`;
}

/** A human label kept in audit entries even if the actor is later removed. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "staff":
      return `${actor.name} <${actor.email}>`;
    case "api_key":
      return `API key "${actor.name}"`;
    case "customer":
      return actor.email;
    case "guest":
      return "storefront guest";
    case "system":
      return `system (${actor.reason})`;
  }
}
