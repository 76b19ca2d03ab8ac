export { Textopt, RunningStep, type CallOptions, type Page, type TextoptOptions, type WaitOptions } from "./client.js";
export { StepFailedError, TextoptConnectionError, TextoptError } from "./errors.js";
export { createTransport, type Fetch, type RetryOptions, type TransportOptions } from "./transport.js";
// Every schema of the served OpenAPI description by its name (Session, StepResult, Problem, ...), and
// paths/components/operations for openapi-fetch.
export type * from "./openapi.js";
