export * from "./app-error";
export { parseInput, fieldErrorsFrom } from "./validate";
