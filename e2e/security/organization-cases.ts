import type { ActionCases } from "./cases";

export const organizationActionCases: ActionCases = {};
