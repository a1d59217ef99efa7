import { AppError } from "@/lib/errors";

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
