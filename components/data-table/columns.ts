import {
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type TableFeatures,
} from "@tanstack/react-table";

/** The features every list uses; sorting and paging are done by the server (`manual*`), never in the browser. */
export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table hold different value types
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/** A column helper for one row type; build the columns once (module scope or useMemo), TanStack needs them stable. */
export const dataTableColumns = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the declaration being merged
  interface ColumnMeta<TFeatures extends TableFeatures, TData extends RowData, TValue> {
    /** Name of the column in the "Columns" menu; the header's text by default. */
    label?: string;
    /** Right-aligned tabular figures (money, counts). */
    numeric?: boolean;
    /** The cell names its row (`<th scope="row">`): the first column usually. */
    rowHeader?: boolean;
    /** Always shown: not offered in the "Columns" menu. */
    alwaysVisible?: boolean;
  }
}
