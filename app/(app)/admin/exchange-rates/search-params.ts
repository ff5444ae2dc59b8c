import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";

export const exchangeRatesTableSpec = defineTableSpec({
  sortable: ["enteredAt", "year", "currency", "unitsPerEur"],
  defaultSort: { id: "enteredAt", desc: true },
  // The currency is checked against ISO 4217's shape in the query; the year is a positive integer.
  filters: { currency: "text", year: "id" },
  perPage: 25,
});

export type ExchangeRatesQuery = QueryOf<typeof exchangeRatesTableSpec>;
