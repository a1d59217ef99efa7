import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { verifyCustomerSignIn } from "@/lib/customers/verify-customer-sign-in";
import { db } from "@/lib/db/client";
import { type AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { verifyStaffSignIn } from "@/lib/staff/verify-staff-sign-in";
import { authSecret } from "./auth-secret";
import { clientIpFrom } from "./client-ip";

type Principal = { kind: "staff" | "customer"; id: string; email: string; name: string };

type RequestLike = { headers?: Record<string, string | string[] | undefined> };

/**
 * The code a refused sign-in hands the form: next-auth v4 passes the message
 * of an Error thrown by `authorize` to `signIn()`'s result as `error`. A
 * lockout says how many seconds are left, e.g. "rate_limited:540".
 */
export function signInErrorCode(error: AppError): string {
  if (error.code === "rate_limited") {
    return `rate_limited:${error.retryAfterSeconds ?? 60}`;
  }
  return error.code === "invalid_input" ? "invalid_input" : "CredentialsSignin";
}

// Every try goes through the throttle; a refusal becomes an Error whose
// message is a code the sign-in form turns into words.
async function attempt(kind: Principal["kind"], credentials: unknown, req: RequestLike) {
  const email = (credentials as { email?: unknown } | undefined)?.email;
  const key = {
    audience: kind,
    email: typeof email === "string" ? email : "",
    ipAddress: clientIpFrom(req.headers ?? {}),
  };
  try {
    return await throttleSignIn(db, key, async () => {
      if (kind === "staff") {
        const actor = await verifyStaffSignIn(db, credentials);
        logger.info({ actor: `staff:${actor.id}`, role: actor.role }, "staff signed in");
        return { id: actor.id, email: actor.email, name: actor.name, kind };
      }
      const customer = await verifyCustomerSignIn(db, credentials);
      return { id: customer.id, email: customer.email, name: customer.email, kind };
    });
  } catch (error) {
    if (isAppError(error)) {
      logger.warn({ kind, code: error.code, ip: key.ipAddress }, "sign-in refused");
      throw new Error(signInErrorCode(error));
    }
    throw error;
  }
}

// Secure cookies need https: on when the public address is https (as in any
// real deployment), off for http://localhost so sign-in works there.
const useSecureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

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
  // Http-only, SameSite=Lax and, over https, Secure with the __Secure-
  // prefix. Lax rather than Strict so a link into /admin from an email
  // keeps the person signed in; Next checks the Origin of server actions.
  useSecureCookies,
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "staff",
      name: "Staff",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, req) => attempt("staff", credentials, req),
    }),
    CredentialsProvider({
      id: "customer",
      name: "Customer",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, req) => attempt("customer", credentials, req),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const principal = user as unknown as Principal;
        token.kind = principal.kind;
        token.sub = principal.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        kind: token.kind,
        principalId: token.sub,
        signedInAt: token.signedInAt,
      };
    },
  },
};
