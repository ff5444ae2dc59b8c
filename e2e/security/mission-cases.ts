import type { ActionCases } from "./cases";

export const missionActionCases: ActionCases = {};
