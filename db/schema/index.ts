export * from "./enums";
export * from "./reference";
export * from "./users";
export * from "./organizations";
export * from "./missions";
export * from "./contributions";
export * from "./audit";
export * from "./relations";
