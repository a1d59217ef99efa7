import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    kind?: "staff" | "customer";
    principalId?: string;
    /** Epoch ms of sign-in; a later password reset ends the session. */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    kind?: "staff" | "customer";
    signedInAt?: number;
  }
}
