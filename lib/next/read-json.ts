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

/** The request's JSON body, or `invalid_input` when it is missing or not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") {
    throw new AppError("invalid_input", "Send a JSON body.", {
      fields: { _: ["The request has no body."] },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON.", {
      fields: { _: ["The body is not valid JSON."] },
    });
  }
}
