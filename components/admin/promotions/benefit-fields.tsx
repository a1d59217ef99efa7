"use client";

import type { ReactNode } from "react";
import type { Benefit, ItemTarget, Reward } from "@/lib/pricing";
import { Field, INPUT_CLASS } from "../form-controls";
import { ALL_ITEMS } from "./defaults";
import { IntegerField, MoneyField, PercentField } from "./fields";
import { TargetFields, type TargetOptions } from "./target-fields";

interface Common {
  currency: string;
  options: TargetOptions;
  /** Field errors by path under the benefit, e.g. "reward.percent". */
  errorAt: (path: string) => string | undefined;
}

/** The fields of one benefit type. */
export function BenefitFields({
  benefit,
  onChange,
  ...common
}: Common & { benefit: Benefit; onChange: (benefit: Benefit) => void }) {
  const { currency, options, errorAt } = common;
  switch (benefit.type) {
    case "items":
      return (
        <div className="space-y-4">
          <TargetFields
            legend="Items discounted"
            name="items-target"
            target={benefit.target}
            options={options}
            onChange={(target) => onChange({ ...benefit, target })}
            error={errorAt("target.scope")}
          />
          <RewardFields
            name="reward"
            reward={benefit.reward}
            allowPerUnit
            onChange={(reward) => onChange({ ...benefit, reward })}
            {...common}
            errorAt={(p) => errorAt(`reward.${p}`)}
          />
        </div>
      );
    case "order":
      return (
        <RewardFields
          name="reward"
          reward={benefit.reward}
          allowPerUnit={false}
          onChange={(reward) => onChange({ ...benefit, reward })}
          {...common}
          errorAt={(p) => errorAt(`reward.${p}`)}
        />
      );
    case "buy_x_get_y":
      return (
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <IntegerField
              label="Buy (units)"
              name="buy-quantity"
              min={1}
              value={benefit.buy.quantity}
              onChange={(quantity) =>
                onChange({ ...benefit, buy: { ...benefit.buy, quantity: quantity ?? 0 } })
              }
              error={errorAt("buy.quantity")}
            />
            <IntegerField
              label="Get (units)"
              name="get-quantity"
              min={1}
              value={benefit.get.quantity}
              onChange={(quantity) =>
                onChange({ ...benefit, get: { ...benefit.get, quantity: quantity ?? 0 } })
              }
              error={errorAt("get.quantity")}
            />
            <PercentField
              label="Off the units got"
              name="get-percent"
              value={benefit.get.percent}
              hint="100 makes them free."
              onChange={(percent) =>
                onChange({ ...benefit, get: { ...benefit.get, percent } })
              }
              error={errorAt("get.percent")}
            />
          </div>
          <TargetFields
            legend="Items bought"
            name="buy-target"
            target={benefit.buy.target}
            options={options}
            onChange={(target) =>
              onChange({ ...benefit, buy: { ...benefit.buy, target } })
            }
            error={errorAt("buy.target.scope")}
          />
          <TargetFields
            legend="Items got (the cheapest qualifying units)"
            name="get-target"
            target={benefit.get.target}
            options={options}
            onChange={(target) =>
              onChange({ ...benefit, get: { ...benefit.get, target } })
            }
            error={errorAt("get.target.scope")}
          />
          <MaxApplicationsField
            label="At most this many times per order"
            name="max-applications"
            value={benefit.maxApplications}
            onChange={(maxApplications) => onChange({ ...benefit, maxApplications })}
            error={errorAt("maxApplications")}
          />
        </div>
      );
    case "bundle":
      return (
        <div className="space-y-4">
          {benefit.components.map((component, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity of their own
            <div key={`component-${index + 1}`} className="space-y-2">
              <div className="flex items-end gap-3">
                <div className="w-40">
                  <IntegerField
                    label={`Part ${index + 1}: units`}
                    name={`component-${index}-quantity`}
                    min={1}
                    value={component.quantity}
                    onChange={(quantity) =>
                      onChange({
                        ...benefit,
                        components: patchAt(benefit.components, index, {
                          quantity: quantity ?? 0,
                        }),
                      })
                    }
                    error={errorAt(`components.${index}.quantity`)}
                  />
                </div>
                {benefit.components.length > 1 && (
                  <SecondaryButton
                    onClick={() =>
                      onChange({
                        ...benefit,
                        components: removeAt(benefit.components, index),
                      })
                    }
                  >
                    Remove part {index + 1}
                  </SecondaryButton>
                )}
              </div>
              <TargetFields
                legend={`Part ${index + 1}: items`}
                name={`component-${index}-target`}
                target={component.target}
                options={options}
                onChange={(target: ItemTarget) =>
                  onChange({
                    ...benefit,
                    components: patchAt(benefit.components, index, { target }),
                  })
                }
                error={errorAt(`components.${index}.target.scope`)}
              />
            </div>
          ))}
          {benefit.components.length < 10 && (
            <SecondaryButton
              onClick={() =>
                onChange({
                  ...benefit,
                  components: [...benefit.components, { target: ALL_ITEMS, quantity: 1 }],
                })
              }
            >
              Add a part
            </SecondaryButton>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <MoneyField
              label="Bundle price"
              name="bundle-price"
              currency={currency}
              value={benefit.price}
              isRequired
              onChange={(price) => onChange({ ...benefit, price: price ?? 0 })}
              error={errorAt("price")}
            />
            <MaxApplicationsField
              label="At most this many bundles per order"
              name="bundle-max"
              value={benefit.maxApplications}
              onChange={(maxApplications) => onChange({ ...benefit, maxApplications })}
              error={errorAt("maxApplications")}
            />
          </div>
        </div>
      );
    case "tiered":
      return (
        <div className="space-y-4">
          <Field label="Tiers are reached by" name="tier-basis">
            {(props) => (
              <select
                {...props}
                value={benefit.basis}
                className={INPUT_CLASS}
                onChange={(event) =>
                  onChange({
                    ...benefit,
                    basis: event.target.value as "spend" | "quantity",
                  })
                }
              >
                <option value="spend">Spend on the items</option>
                <option value="quantity">Units of the items</option>
              </select>
            )}
          </Field>
          <TargetFields
            legend="Items counted and discounted"
            name="tier-target"
            target={benefit.target}
            options={options}
            onChange={(target) => onChange({ ...benefit, target })}
            error={errorAt("target.scope")}
          />
          {errorAt("tiers") && <p className="text-sm text-red-700">{errorAt("tiers")}</p>}
          {benefit.tiers.map((tier, index) => {
            const setTier = (patch: Partial<typeof tier>) =>
              onChange({
                ...benefit,
                tiers: patchAt(benefit.tiers, index, patch),
              });
            return (
              <fieldset
                // biome-ignore lint/suspicious/noArrayIndexKey: tiers have no identity of their own
                key={`tier-${index + 1}`}
                className="space-y-3 rounded-lg border border-slate-200 p-3"
              >
                <legend className="px-1 text-sm font-semibold">Tier {index + 1}</legend>
                {benefit.basis === "spend" ? (
                  <MoneyField
                    label="From a spend of"
                    name={`tier-${index}-min`}
                    currency={currency}
                    value={tier.min}
                    onChange={(min) => setTier({ min: min ?? 0 })}
                    error={errorAt(`tiers.${index}.min`)}
                  />
                ) : (
                  <IntegerField
                    label="From this many units"
                    name={`tier-${index}-min`}
                    min={1}
                    value={tier.min}
                    onChange={(min) => setTier({ min: min ?? 0 })}
                    error={errorAt(`tiers.${index}.min`)}
                  />
                )}
                <RewardFields
                  name={`tier-${index}-reward`}
                  reward={tier.reward}
                  allowPerUnit
                  onChange={(reward) => setTier({ reward })}
                  {...common}
                  errorAt={(p) => errorAt(`tiers.${index}.reward.${p}`)}
                />
                {benefit.tiers.length > 1 && (
                  <SecondaryButton
                    onClick={() =>
                      onChange({
                        ...benefit,
                        tiers: removeAt(benefit.tiers, index),
                      })
                    }
                  >
                    Remove tier {index + 1}
                  </SecondaryButton>
                )}
              </fieldset>
            );
          })}
          <SecondaryButton
            onClick={() => {
              const last = benefit.tiers.at(-1);
              onChange({
                ...benefit,
                tiers: [
                  ...benefit.tiers,
                  {
                    min: (last?.min ?? 0) * 2 || 1,
                    reward: last?.reward ?? { kind: "percentage", percent: 10 },
                  },
                ],
              });
            }}
          >
            Add a tier
          </SecondaryButton>
        </div>
      );
    case "free_shipping":
      return (
        <p className="text-sm text-slate-600">
          The shipping charge is taken off in full, or up to the cap below. Set a minimum
          spend under “When and where”.
        </p>
      );
  }
}

/** The list with one item changed; the editor's lists have no ids of their own. */
function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function SecondaryButton({
  onClick,
  children,
}: {
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A cap on how often a deal applies in one order; blank means no cap. */
function MaxApplicationsField(props: {
  label: string;
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
}) {
  return <IntegerField {...props} min={1} hint="Blank for no limit." />;
}

/** Percentage or amount off; an amount can be per unit or once for the order. */
function RewardFields({
  name,
  reward,
  allowPerUnit,
  onChange,
  currency,
  errorAt,
}: Common & {
  name: string;
  reward: Reward;
  allowPerUnit: boolean;
  onChange: (reward: Reward) => void;
}) {
  const kind =
    reward.kind === "percentage"
      ? "percentage"
      : allowPerUnit
        ? `amount_${reward.per}`
        : "amount_order";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Discount" name={`${name}-kind`}>
        {(props) => (
          <select
            {...props}
            value={kind}
            className={INPUT_CLASS}
            onChange={(event) => {
              const value = event.target.value;
              if (value === "percentage") onChange({ kind: "percentage", percent: 10 });
              else {
                const amount = reward.kind === "amount_off" ? reward.amount : 500;
                onChange({
                  kind: "amount_off",
                  amount,
                  per: value === "amount_unit" ? "unit" : "order",
                });
              }
            }}
          >
            <option value="percentage">Percentage off</option>
            <option value="amount_order">Amount off, shared by the items</option>
            {allowPerUnit && <option value="amount_unit">Amount off each unit</option>}
          </select>
        )}
      </Field>
      {reward.kind === "percentage" ? (
        <PercentField
          label="Percentage"
          name={`${name}-percent`}
          value={reward.percent}
          onChange={(percent) => onChange({ ...reward, percent })}
          error={errorAt("percent")}
        />
      ) : (
        <MoneyField
          label="Amount"
          name={`${name}-amount`}
          currency={currency}
          value={reward.amount}
          isRequired
          onChange={(amount) => onChange({ ...reward, amount: amount ?? 0 })}
          error={errorAt("amount")}
        />
      )}
    </div>
  );
}
