import { AppError } from "@/lib/errors";

/** A request's body as JSON, or an invalid_input refusal a client can act on. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("invalid_input", "The body must be JSON.", {
      fields: { _: ["The body must be a JSON object."] },
    });
  }
}
