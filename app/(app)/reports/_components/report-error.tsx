"use client";

import { useRouter } from "next/navigation";
import { DataTableError } from "@/components/data-table/data-table-error";

/** The report could not be read: an error with a retry, never an empty table. */
export function ReportError() {
  const router = useRouter();
  return <DataTableError onRetry={() => router.refresh()} />;
}
