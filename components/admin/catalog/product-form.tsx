"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  createProductAction,
  updateProductAction,
} from "@/app/(admin)/admin/products/actions";
import {
  Field,
  FormMessage,
  INPUT_CLASS,
  Panel,
  SubmitButton,
} from "@/components/admin/form-controls";
import { useAction } from "@/components/admin/use-action";
import { handleFromTitle } from "@/lib/catalog/text";
import { AttributesEditor } from "./attributes-editor";
import { type ProductFormValues, toInput } from "./product-form-model";
import { VariantsEditor } from "./variants-editor";

export interface CategoryOption {
  id: string;
  path: string;
  depth: number;
}

/** Create or edit a product: details, organisation, options and variants. */
export function ProductForm({
  mode,
  productId,
  initial,
  categories,
  brands,
  currency,
}: {
  mode: "create" | "edit";
  productId?: string;
  initial: ProductFormValues;
  categories: CategoryOption[];
  brands: string[];
  currency: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [isHandleTouched, setIsHandleTouched] = useState(mode === "edit");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useAction(createProductAction);
  const update = useAction(updateProductAction);
  const action = mode === "create" ? create : update;

  const errorFor = (path: string) => localErrors[path] ?? action.errorFor(path);
  const set = <K extends keyof ProductFormValues>(key: K, value: ProductFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = toInput(values, currency);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;

    if (mode === "create") {
      const result = await create.run(input);
      if (result.ok) router.push(`/admin/products/${result.data.id}?created=1`);
    } else if (productId) {
      const result = await update.run({ productId, changes: input });
      // The page says "Saved." itself: the form is rebuilt from the saved product.
      if (result.ok) router.replace(`/admin/products/${productId}?saved=${Date.now()}`);
    }
  }

  const failureMessage =
    Object.keys(localErrors).length > 0
      ? "Some fields need attention."
      : action.failure?.message;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]"
    >
      <div className="min-w-0 space-y-4">
        <Panel title="Details">
          <Field label="Title" name="title" error={errorFor("title")}>
            {(props) => (
              <input
                {...props}
                className={INPUT_CLASS}
                value={values.title}
                maxLength={200}
                onChange={(e) => {
                  const title = e.target.value;
                  setValues((v) => ({
                    ...v,
                    title,
                    handle: isHandleTouched ? v.handle : handleFromTitle(title),
                  }));
                }}
              />
            )}
          </Field>
          <Field
            label="Handle"
            name="handle"
            error={errorFor("handle")}
            hint={`The web address: /products/${values.handle || "…"}`}
          >
            {(props) => (
              <input
                {...props}
                className={INPUT_CLASS}
                value={values.handle}
                maxLength={120}
                onChange={(e) => {
                  setIsHandleTouched(true);
                  set("handle", e.target.value);
                }}
              />
            )}
          </Field>
          <Field label="Description" name="description" error={errorFor("description")}>
            {(props) => (
              <textarea
                {...props}
                rows={5}
                className={`${INPUT_CLASS} py-2`}
                value={values.description}
                maxLength={5000}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </Field>
        </Panel>

        <Panel title="Attributes">
          <AttributesEditor
            rows={values.attributes}
            onChange={(rows) => set("attributes", rows)}
            errorFor={errorFor}
          />
        </Panel>

        <Panel title="Options and variants">
          <VariantsEditor
            values={values}
            currency={currency}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            errorFor={errorFor}
          />
        </Panel>
      </div>

      {/* Stays in view beside a long variant table, so Save is always at hand. */}
      <div className="space-y-4 self-start lg:sticky lg:top-4">
        <Panel title="Status">
          <Field label="Status" name="status" error={errorFor("status")}>
            {(props) => (
              <select
                {...props}
                className={INPUT_CLASS}
                value={values.status}
                onChange={(e) =>
                  set("status", e.target.value as ProductFormValues["status"])
                }
              >
                <option value="DRAFT">Draft (hidden)</option>
                <option value="ACTIVE">Active (on sale)</option>
                <option value="ARCHIVED">Archived</option>
              </select>
            )}
          </Field>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={values.isFeatured}
              onChange={(e) => set("isFeatured", e.target.checked)}
            />
            Feature on the home page
          </label>
        </Panel>
        <Panel title="Organisation">
          <Field label="Category" name="categoryId" error={errorFor("categoryId")}>
            {(props) => (
              <select
                {...props}
                className={INPUT_CLASS}
                value={values.categoryId}
                onChange={(e) => set("categoryId", e.target.value)}
              >
                <option value="">No category</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${"\u2003".repeat(c.depth)}${c.path.split(" › ").at(-1)}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Brand" name="brand" error={errorFor("brand")}>
            {(props) => (
              <>
                <input
                  {...props}
                  list="brand-options"
                  className={INPUT_CLASS}
                  value={values.brand}
                  maxLength={80}
                  onChange={(e) => set("brand", e.target.value)}
                />
                <datalist id="brand-options">
                  {brands.map((b) => (
                    <option key={b} value={b} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Tax category" name="taxCategory" error={errorFor("taxCategory")}>
            {(props) => (
              <select
                {...props}
                className={INPUT_CLASS}
                value={values.taxCategory}
                onChange={(e) =>
                  set("taxCategory", e.target.value as ProductFormValues["taxCategory"])
                }
              >
                <option value="STANDARD">Standard rate</option>
                <option value="REDUCED">Reduced rate</option>
                <option value="ZERO">Zero rate</option>
                <option value="EXEMPT">Exempt</option>
              </select>
            )}
          </Field>
        </Panel>
        <div className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
          <FormMessage
            error={failureMessage}
            success={action.done && mode === "create" ? "Created." : null}
          />
          <SubmitButton isPending={action.isPending}>
            {mode === "create" ? "Create product" : "Save changes"}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
