import type { ActionCases } from "./cases";

export const ministryActionCases: ActionCases = {};
