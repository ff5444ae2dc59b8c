import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates and checks migrations here; db/migrate.ts applies them with either driver.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
