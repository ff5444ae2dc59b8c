"use server";

import { createHash } from "node:crypto";
import { applyImport as applyPlan, createImport, importScope, previewImport as previewPlan } from "@/db/queries/imports";
import { defineAction } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/import/fields";
import { parseImportFile } from "@/lib/import/parse";
import { applyImportSchema, previewImportSchema, uploadImportSchema } from "./schemas";

// An import changes contributions, so only those who edit them may run one; a scoped editor's import is
// checked row by row against their ministry (db/queries/import-plan.ts).
const EDITORS = ["admin", "editor"] as const;

/** Reads the uploaded file and keeps it as an import waiting for its mapping and dry run. */
export const uploadImport = defineAction({
  name: "imports.upload",
  roles: EDITORS,
  input: uploadImportSchema,
  // The import is the uploader's own record, in their own ministry scope.
  scope: async (_input, _tx, user) => ({ ministryIds: [user.ministryId] }),
  async run(input, { tx, audit, user }) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const parsed = await parseImportFile(input.file.name, bytes);
    if (!parsed.ok) {
      // "tooLarge" says how many megabytes (of the file, or of what it unpacks to); the other caps give a count or a line.
      const detail = parsed.error === "tooLarge" && parsed.limit !== undefined ? Math.max(1, Math.round(parsed.limit / 1024 / 1024)) : (parsed.limit ?? parsed.line);
      throw new ActionError("invalid", { fieldErrors: { file: [detail === undefined ? parsed.error : `${parsed.error}:${detail}`] } });
    }
    // Control characters (NUL above all, which PostgreSQL text cannot hold) have no place in a file name.
    const fileName = input.file.name.replace(/[\u0000-\u001f\u007f]/g, "").split(/[\\/]/).pop()!.slice(0, 200) || "import";
    const checksum = createHash("sha256").update(bytes).digest("hex");
    return createImport(tx, audit, user, { fileName, checksum, byteSize: bytes.byteLength, table: parsed.table });
  },
  revalidate: () => ["/import"],
});

/** The dry run: every row classified with the chosen mapping; the register is not touched. */
export const previewImport = defineAction({
  name: "imports.preview",
  roles: EDITORS,
  input: previewImportSchema,
  scope: (input, tx, user) => importScope(tx, input.id, user),
  async run(input, { tx, audit, user }) {
    const mapping: ColumnMapping = {};
    for (const field of IMPORT_FIELDS) if (input.mapping[field] !== undefined) mapping[field] = input.mapping[field];
    return previewPlan(tx, audit, user, { id: input.id, version: input.version, mapping, defaultYear: input.defaultYear, locale: input.locale });
  },
  revalidate: (input) => [`/import/${input.id}`],
});

/** Writes the dry run's new and changed rows in one transaction, or nothing. */
export const applyImport = defineAction({
  name: "imports.apply",
  roles: EDITORS,
  input: applyImportSchema,
  scope: (input, tx, user) => importScope(tx, input.id, user),
  async run(input, { tx, user, requestId }) {
    return applyPlan(tx, user, requestId, input);
  },
  revalidate: (input) => ["/import", `/import/${input.id}`, "/contributions", "/"],
});
