"use client";

import { type FormEvent, useState } from "react";
import {
  addPromotionCodeAction,
  generatePromotionCodesAction,
} from "@/app/(admin)/admin/promotions/actions";
import { Field, FormMessage, INPUT_CLASS, Panel, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

export interface CodePanelData {
  promotionId: string;
  requiresCode: boolean;
  sharedCodes: { code: string; usageLimit: number | null; timesUsed: number }[];
  batches: { batchId: string; count: number; used: number; createdAt: string | null }[];
}

/** Shared codes and batches of single-use codes, with CSV export. */
export function CodePanel({ data }: { data: CodePanelData }) {
  const add = useAction(addPromotionCodeAction);
  const generate = useAction(generatePromotionCodesAction);
  const [code, setCode] = useState("");
  const [limit, setLimit] = useState("");
  const [count, setCount] = useState("100");
  const [prefix, setPrefix] = useState("");
  const csv = (batchId?: string) =>
    `/admin/promotions/${data.promotionId}/codes${batchId ? `?batch=${batchId}` : ""}`;

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    const result = await add.run({
      promotionId: data.promotionId,
      code,
      usageLimit: limit.trim() === "" ? null : Number(limit),
    });
    if (result.ok) {
      setCode("");
      setLimit("");
    }
  }

  async function onGenerate(event: FormEvent) {
    event.preventDefault();
    await generate.run({ promotionId: data.promotionId, count: Number(count), prefix });
  }

  return (
    <Panel title="Codes">
      {!data.requiresCode && (
        <p className="text-sm text-slate-600">
          This promotion applies without a code. Tick “Needs a code” above and save to add
          shared or single-use codes.
        </p>
      )}
      {data.sharedCodes.length > 0 && (
        <ul className="space-y-1 text-sm">
          {data.sharedCodes.map((c) => (
            <li key={c.code} className="flex justify-between gap-4">
              <code className="font-semibold">{c.code}</code>
              <span className="text-slate-600">
                used {c.timesUsed}
                {c.usageLimit !== null ? ` of ${c.usageLimit}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.requiresCode && (
        <>
          <form
            onSubmit={onAdd}
            className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_auto]"
          >
            <Field label="Shared code" name="code" error={add.errorFor("code")}>
              {(props) => (
                <input
                  {...props}
                  value={code}
                  placeholder="AUTUMN10"
                  autoCapitalize="characters"
                  className={`${INPUT_CLASS} uppercase`}
                  onChange={(event) => setCode(event.target.value)}
                />
              )}
            </Field>
            <Field
              label="Uses (optional)"
              name="code-limit"
              error={add.errorFor("usageLimit")}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  value={limit}
                  className={INPUT_CLASS}
                  onChange={(event) => setLimit(event.target.value)}
                />
              )}
            </Field>
            <SubmitButton isPending={add.isPending} pendingLabel="Adding…">
              Add code
            </SubmitButton>
          </form>
          <FormMessage
            error={add.failure?.message}
            success={add.done ? "Code added." : null}
          />

          <form
            onSubmit={onGenerate}
            className="grid items-end gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[10rem_1fr_auto]"
          >
            <Field
              label="Single-use codes"
              name="count"
              error={generate.errorFor("count")}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={10000}
                  value={count}
                  className={INPUT_CLASS}
                  onChange={(event) => setCount(event.target.value)}
                />
              )}
            </Field>
            <Field
              label="Prefix (optional)"
              name="prefix"
              error={generate.errorFor("prefix")}
            >
              {(props) => (
                <input
                  {...props}
                  value={prefix}
                  placeholder="VIP-"
                  className={`${INPUT_CLASS} uppercase`}
                  onChange={(event) => setPrefix(event.target.value)}
                />
              )}
            </Field>
            <SubmitButton isPending={generate.isPending} pendingLabel="Generating…">
              Generate
            </SubmitButton>
          </form>
          <FormMessage
            error={generate.failure?.message}
            success={generate.done ? `${generate.done.count} codes generated.` : null}
          />
        </>
      )}

      {data.batches.length > 0 && (
        <ul className="space-y-2 text-sm">
          {data.batches.map((batch) => (
            <li
              key={batch.batchId}
              className="flex flex-wrap items-center justify-between gap-2"
            >
              <span>
                {batch.count} single-use codes, {batch.used} used
                {batch.createdAt
                  ? `, made ${new Date(batch.createdAt).toLocaleDateString("en-GB")}`
                  : ""}
              </span>
              <a
                className="font-medium text-brand-700 underline"
                href={csv(batch.batchId)}
              >
                Download CSV
              </a>
            </li>
          ))}
        </ul>
      )}
      {(data.batches.length > 0 || data.sharedCodes.length > 0) && (
        <a className="text-sm text-brand-700 underline" href={csv()}>
          Download every code as CSV
        </a>
      )}
    </Panel>
  );
}
