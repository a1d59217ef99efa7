export * from "./app-error";
export { fieldErrorsFrom, parseInput } from "./validate";
