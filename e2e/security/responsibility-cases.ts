import type { ActionCases } from "./cases";

export const responsibilityActionCases: ActionCases = {};
