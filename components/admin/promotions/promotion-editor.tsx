"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useMemo, useState } from "react";
import {
  createPromotionAction,
  updatePromotionAction,
} from "@/app/(admin)/admin/promotions/actions";
import { fieldErrorsFrom } from "@/lib/errors/validate";
import { type Benefit, PromotionSchema } from "@/lib/pricing";
import type { PromotionEditorData } from "@/lib/promotions/editor-data";
import { Field, FormMessage, INPUT_CLASS, Panel, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";
import { BenefitFields } from "./benefit-fields";
import {
  BENEFIT_LABELS,
  type Definition,
  defaultBenefit,
  type PromotionFormValues,
} from "./defaults";
import {
  CheckboxList,
  fromLocalInput,
  IntegerField,
  MoneyField,
  toLocalInput,
} from "./fields";
import { PromotionPreview } from "./promotion-preview";
import { ScheduleFields } from "./schedule-fields";

const CHANNELS = [
  { id: "WEB", label: "Online shop" },
  { id: "POS", label: "Stores (POS)" },
  { id: "API", label: "Integrations (API)" },
];

/** The promotion form with its live preview beside it. */
export function PromotionEditor({
  initial,
  data,
}: {
  initial: PromotionFormValues;
  data: PromotionEditorData;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const create = useAction(createPromotionAction);
  const update = useAction(updatePromotionAction);
  const action = values.id ? update : create;
  const { definition } = values;
  const { conditions } = definition;
  const currency = data.currency;

  const clientErrors = useMemo(() => {
    const parsed = PromotionSchema.safeParse({ ...definition, id: values.id ?? "new" });
    return parsed.success ? {} : fieldErrorsFrom(parsed.error);
  }, [definition, values.id]);

  /** Errors of a path under the definition: the server's, else the form's own once saved. */
  const errorAt = (path: string) =>
    action.errorFor(`definition.${path}`) ??
    (hasTriedSave ? clientErrors[path]?.join(" ") : undefined);

  const setDefinition = (patch: Partial<Definition>) =>
    setValues((v) => ({ ...v, definition: { ...v.definition, ...patch } }));
  const setConditions = (patch: Partial<Definition["conditions"]>) =>
    setDefinition({ conditions: { ...conditions, ...patch } });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setHasTriedSave(true);
    if (Object.keys(clientErrors).length > 0) return;
    const payload = {
      description: values.description,
      isActive: values.isActive,
      definition,
    };
    if (values.id) {
      const result = await update.run({
        ...payload,
        id: values.id,
        expectedVersion: values.version ?? undefined,
      });
      if (result.ok) setValues((v) => ({ ...v, version: result.data.version }));
    } else {
      const result = await create.run(payload);
      if (result.ok) router.push(`/admin/promotions/${result.data.id}?saved=1`);
    }
  }

  const hasClientErrors = hasTriedSave && Object.keys(clientErrors).length > 0;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <form onSubmit={onSubmit} className="min-w-0 space-y-6" noValidate>
        <Panel title="Promotion">
          <Field
            label="Name"
            name="name"
            error={errorAt("name")}
            hint="Shoppers see it in the basket and on receipts."
          >
            {(props) => (
              <input
                {...props}
                value={definition.name}
                maxLength={200}
                className={INPUT_CLASS}
                onChange={(event) => setDefinition({ name: event.target.value })}
              />
            )}
          </Field>
          <Field
            label="Notes"
            name="description"
            error={action.errorFor("description")}
            hint="For colleagues; never shown to shoppers."
          >
            {(props) => (
              <textarea
                {...props}
                rows={2}
                value={values.description}
                maxLength={2000}
                className={`${INPUT_CLASS} py-2`}
                onChange={(event) =>
                  setValues((v) => ({ ...v, description: event.target.value }))
                }
              />
            )}
          </Field>
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={values.isActive}
              onChange={(event) =>
                setValues((v) => ({ ...v, isActive: event.target.checked }))
              }
            />
            On (a promotion that is off never applies, whatever its dates)
          </label>
          <Field label="Type" name="type">
            {(props) => (
              <select
                {...props}
                value={definition.benefit.type}
                className={INPUT_CLASS}
                onChange={(event) =>
                  setDefinition({
                    benefit: defaultBenefit(event.target.value as Benefit["type"]),
                  })
                }
              >
                {Object.entries(BENEFIT_LABELS).map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </Panel>

        <Panel title="What it gives">
          <BenefitFields
            benefit={definition.benefit}
            currency={currency}
            options={data}
            onChange={(benefit) => setDefinition({ benefit })}
            errorAt={(path) => errorAt(`benefit.${path}`)}
          />
        </Panel>

        <Panel title="When and where">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Starts"
              name="startsAt"
              error={errorAt("conditions.startsAt")}
              hint="Blank: from now. Your browser's time zone."
            >
              {(props) => (
                <input
                  {...props}
                  type="datetime-local"
                  value={toLocalInput(conditions.startsAt)}
                  className={INPUT_CLASS}
                  onChange={(event) =>
                    setConditions({ startsAt: fromLocalInput(event.target.value) })
                  }
                />
              )}
            </Field>
            <Field
              label="Ends"
              name="endsAt"
              error={errorAt("conditions.endsAt")}
              hint="Blank: until switched off."
            >
              {(props) => (
                <input
                  {...props}
                  type="datetime-local"
                  value={toLocalInput(conditions.endsAt)}
                  className={INPUT_CLASS}
                  onChange={(event) =>
                    setConditions({ endsAt: fromLocalInput(event.target.value) })
                  }
                />
              )}
            </Field>
          </div>
          <ScheduleFields
            schedule={conditions.schedule}
            onChange={(schedule) => setConditions({ schedule })}
            error={errorAt("conditions.schedule")}
          />
          <CheckboxList
            legend="Channels"
            hint="None ticked: every channel."
            options={CHANNELS}
            selected={conditions.channels}
            onChange={(channels) =>
              setConditions({
                channels: channels as Definition["conditions"]["channels"],
              })
            }
            error={errorAt("conditions.channels")}
          />
          <CheckboxList
            legend="Stores"
            hint="None ticked: everywhere. Online, the shopper's chosen store counts."
            options={data.stores}
            selected={conditions.locationIds}
            onChange={(locationIds) => setConditions({ locationIds })}
            error={errorAt("conditions.locationIds")}
          />
          <CheckboxList
            legend="Customer groups"
            hint="None ticked: every shopper."
            options={data.customerGroups.map((g) => ({ id: g, label: g }))}
            selected={conditions.customerGroups}
            onChange={(customerGroups) => setConditions({ customerGroups })}
            error={errorAt("conditions.customerGroups")}
          />
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={conditions.isFirstOrderOnly}
              onChange={(event) =>
                setConditions({ isFirstOrderOnly: event.target.checked })
              }
            />
            A customer's first order only
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <IntegerField
              label="Minimum quantity"
              name="minQuantity"
              min={1}
              value={conditions.minQuantity}
              hint="Units of the qualifying items."
              onChange={(minQuantity) => setConditions({ minQuantity })}
              error={errorAt("conditions.minQuantity")}
            />
            <MoneyField
              label="Minimum spend"
              name="minSpend"
              currency={currency}
              value={conditions.minSpend}
              hint="On the qualifying items, after earlier promotions."
              onChange={(minSpend) => setConditions({ minSpend })}
              error={errorAt("conditions.minSpend")}
            />
          </div>
        </Panel>

        <Panel title="Codes, limits and stacking">
          <label className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={definition.requiresCode}
              onChange={(event) => setDefinition({ requiresCode: event.target.checked })}
            />
            Needs a code (add shared or single-use codes once saved)
          </label>
          <div className="grid gap-4 sm:grid-cols-2">
            <IntegerField
              label="Redemptions in total"
              name="usageLimit"
              min={1}
              value={definition.usageLimit}
              hint="Blank for no limit."
              onChange={(usageLimit) => setDefinition({ usageLimit })}
              error={errorAt("usageLimit")}
            />
            <IntegerField
              label="Redemptions per customer"
              name="usageLimitPerCustomer"
              min={1}
              value={definition.usageLimitPerCustomer}
              hint="Needs a known customer. Blank for no limit."
              onChange={(usageLimitPerCustomer) =>
                setDefinition({ usageLimitPerCustomer })
              }
              error={errorAt("usageLimitPerCustomer")}
            />
            <MoneyField
              label="Cap on the discount"
              name="maxDiscount"
              currency={currency}
              value={definition.maxDiscount}
              hint="Most it takes off one order. Blank for no cap."
              onChange={(maxDiscount) => setDefinition({ maxDiscount })}
              error={errorAt("maxDiscount")}
            />
            <IntegerField
              label="Priority"
              name="priority"
              value={definition.priority}
              hint="Higher applies first (−1000 to 1000)."
              onChange={(priority) => setDefinition({ priority: priority ?? 0 })}
              error={errorAt("priority")}
            />
          </div>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">Stacking</legend>
            <label className="flex min-h-9 items-center gap-2">
              <input
                type="radio"
                name="stacking"
                className="size-4"
                checked={definition.stacking === "combinable"}
                onChange={() => setDefinition({ stacking: "combinable" })}
              />
              Combines with other promotions
            </label>
            <label className="flex min-h-9 items-center gap-2">
              <input
                type="radio"
                name="stacking"
                className="size-4"
                checked={definition.stacking === "exclusive"}
                onChange={() => setDefinition({ stacking: "exclusive" })}
              />
              Exclusive: applies only alone
            </label>
          </fieldset>
        </Panel>

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton isPending={action.isPending}>
            {values.id ? "Save changes" : "Create promotion"}
          </SubmitButton>
          <FormMessage
            error={
              action.failure?.message ??
              (hasClientErrors ? "Some fields need attention." : null)
            }
            success={action.done ? "Saved." : null}
          />
        </div>
      </form>

      <div className="xl:sticky xl:top-4 xl:self-start">
        <PromotionPreview data={data} definition={definition} promotionId={values.id} />
      </div>
    </div>
  );
}
