import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    kind?: "staff" | "customer";
    principalId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    kind?: "staff" | "customer";
  }
}
