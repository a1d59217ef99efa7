export { allocateByWeights, splitEvenly } from "./allocate";
export { formatMoney, minorUnitDigits } from "./format";
export {
  add,
  allocate,
  compare,
  isEqual,
  type Money,
  money,
  multiply,
  percentage,
  subtract,
  sum,
  zero,
} from "./money";
export {
  applyPpm,
  hasRatePrecision,
  PPM_PER_WHOLE,
  percentToPpm,
  ppmToPercent,
} from "./percent";
export {
  assertSafeInteger,
  divideRounded,
  multiplyDivide,
  ROUNDING_MODES,
  type RoundingMode,
} from "./rounding";
