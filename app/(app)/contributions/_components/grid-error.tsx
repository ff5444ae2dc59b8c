"use client";

import { useRouter } from "next/navigation";
import { DataTableError } from "@/components/data-table/data-table-error";

/** The year's lines could not be read: an error with a retry, never an empty grid. */
export function GridError() {
  const router = useRouter();
  return <DataTableError onRetry={() => router.refresh()} />;
}
