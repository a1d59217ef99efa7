import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { currentStaff } from "@/lib/next/session";
import { getPromotion, listPromotionCodes, promotionCodesCsv } from "@/lib/promotions";

/** A promotion's codes as CSV, optionally one generated batch (?batch=<id>). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    const staff = await currentStaff();
    authorize(staff, "promotions:write");
    const { id } = await params;
    const batchId = new URL(request.url).searchParams.get("batch");
    const { row } = await getPromotion(db, id);
    const codes = await listPromotionCodes(db, { promotionId: id, batchId });
    const slug = row.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return new Response(promotionCodesCsv(codes), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug || "promotion"}-codes.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return problemResponse(error, { route: "promotion codes csv" });
  }
}
