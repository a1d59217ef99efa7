import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCustomerSignIn } from "@/lib/customers/verify-customer-sign-in";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { verifyStaffSignIn } from "@/lib/staff/verify-staff-sign-in";
import { authSecret } from "./auth-secret";

type Principal = { kind: "staff" | "customer"; id: string; email: string; name: string };

// next-auth expects `null` for refused credentials; anything else thrown
// would surface as a generic error page.
async function attempt(kind: Principal["kind"], credentials: unknown) {
  try {
    if (kind === "staff") {
      const actor = await verifyStaffSignIn(db, credentials);
      logger.info({ actor: `staff:${actor.id}`, role: actor.role }, "staff signed in");
      return { id: actor.id, email: actor.email, name: actor.name, kind };
    }
    const customer = await verifyCustomerSignIn(db, credentials);
    return { id: customer.id, email: customer.email, name: customer.email, kind };
  } catch (error) {
    if (isAppError(error)) {
      logger.warn({ kind, code: error.code }, "sign-in refused");
      return null;
    }
    throw error;
  }
}

/**
 * Staff and shoppers sign in with separate credential providers; the
 * session token records which kind of principal it carries, and every
 * request re-reads the person so deactivation takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  // A getter, so the secret is read at the first request and not while
  // `next build` merely loads this module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "staff",
      name: "Staff",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials) => attempt("staff", credentials),
    }),
    CredentialsProvider({
      id: "customer",
      name: "Customer",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials) => attempt("customer", credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const principal = user as unknown as Principal;
        token.kind = principal.kind;
        token.sub = principal.id;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, kind: token.kind, principalId: token.sub };
    },
  },
};
