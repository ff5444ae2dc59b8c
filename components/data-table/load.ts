import "server-only";
import { unstable_rethrow } from "next/navigation";
import { logEvent } from "@/lib/log";
import { requestId } from "@/lib/request";
import type { TableResult } from "./spec";

/**
 * Runs a table's query for a page. A failure is logged and becomes `{ ok: false }`, which the table shows
 * as an error with a retry button: never as an empty table, which would read as "there is nothing".
 */
export async function loadTable<Row>(name: string, query: () => Promise<{ rows: Row[]; total: number }>): Promise<TableResult<Row>> {
  try {
    return { ok: true, ...(await query()) };
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    logEvent({ action: `${name}.list`, outcome: "error", requestId: id, reason: error instanceof Error ? error.name : "unknown" });
    console.error(`[${id}] ${name}.list:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
    return { ok: false };
  }
}
