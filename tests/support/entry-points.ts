/**
 * The ways into the app that must declare a permission, found on disk: the
 * /api/v1 route handlers and the modules of server actions.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SKIP_DIRS = new Set(["node_modules", ".next", "generated", ".data", "tests"]);

/** TypeScript files under a folder of the project, relative to its root. */
export function filesUnder(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => SKIP_DIRS.has(part)));
}

/** Whether the file's first statement is the "use server" directive. */
export function isServerActionModule(source: string): boolean {
  const body = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(body);
}

/** Every route handler file under app/api/v1. */
export function apiRouteFiles(): string[] {
  return filesUnder("app/api/v1").filter((f) => /(^|\/)route\.tsx?$/.test(f));
}

/** Every source file of the app that could hold a server action. */
export function appSourceFiles(): string[] {
  return [...filesUnder("app"), ...filesUnder("lib"), ...filesUnder("components")];
}

/** Every module whose exports are server actions. */
export function serverActionFiles(): string[] {
  return appSourceFiles().filter((f) =>
    isServerActionModule(readFileSync(path.join(ROOT, f), "utf8")),
  );
}

/** Imports a project file by its path from the root. */
export async function importEntry(file: string): Promise<Record<string, unknown>> {
  return (await import(path.join(ROOT, file))) as Record<string, unknown>;
}
