export {
  hashBody,
  IDEMPOTENCY_TTL_MS,
  type IdempotentRequest,
  type IdempotentResponse,
  MUTATION_TX_OPTIONS,
  purgeIdempotencyKeys,
  withIdempotency,
} from "./with-idempotency";
