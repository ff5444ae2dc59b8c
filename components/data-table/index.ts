export { dataTableColumns, dataTableFeatures, type DataTableColumn } from "./columns";
export { DataTable } from "./data-table";
export type { FilterControl } from "./data-table-toolbar";
