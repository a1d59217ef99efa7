import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface PasswordContext {
  /** The account's email: a password built from it is easy to guess. */
  email?: string;
  /** The person's name, for the same reason. */
  name?: string;
}

const KEYBOARD_RUNS = [
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "abcdefghijklmnopqrstuvwxyz",
];

/** Whether the text is one run along a keyboard row or the alphabet, either way. */
function isSequence(text: string): boolean {
  if (text.length < 4) return false;
  return KEYBOARD_RUNS.some((run) => {
    const reversed = [...run].reverse().join("");
    return run.includes(text) || reversed.includes(text);
  });
}

/** The password with digits and symbols stripped from both ends, lower-cased. */
function coreWord(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[^a-z]+/, "")
    .replace(/[^a-z]+$/, "");
}

/**
 * The reasons a password is too easy to guess, in words for the person
 * choosing it; empty when it is acceptable. Length, a list of the most
 * common passwords and the words they are built from, one repeated
 * character, a keyboard run, and the person's own email or name.
 */
export function passwordProblems(
  password: string,
  context: PasswordContext = {},
): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  }

  const lower = password.toLowerCase();
  const core = coreWord(password);
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_BASE_WORDS.has(core) ||
    /^(.)\1+$/.test(lower) ||
    isSequence(lower) ||
    (core === "" && isSequence(lower.replace(/[^0-9]/g, "")))
  ) {
    return ["This password is too common. Choose one that is harder to guess."];
  }

  const personal = [
    context.email?.split("@")[0]?.toLowerCase(),
    ...(context.name?.toLowerCase().split(/\s+/) ?? []),
  ].filter((part): part is string => !!part && part.length >= 3);
  if (personal.some((part) => core === part || lower === part)) {
    return ["Do not build the password from your name or email."];
  }
  return [];
}
