// Audit settings: defaults in one object, overridable in audit.config.json, checked up front.
// Ignoring a rule needs a written reason; reports list every ignored rule with its reason.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../story/errors.ts";
import type { IgnoredRule } from "./types.ts";

export const AUDIT_CONFIG_FILE = "audit.config.json";

export interface AuditConfig {
  /** Tabs auditing at once, each in the same browser. */
  concurrency: number;
  /** Time limit for one page, load included. */
  timeoutSeconds: number;
  ignore: IgnoredRule[];
}

/** Two tabs per core: while one tab waits on the network or on Node, the other computes. Measured on
 *  2 cores with 1,300-word story pages: 0.53 s a page with 2 tabs, 0.48 with 3, 0.45 with 4. */
export const DEFAULT_CONCURRENCY = Math.min(8, Math.max(2, os.availableParallelism() * 2));

export const DEFAULTS: AuditConfig = { concurrency: DEFAULT_CONCURRENCY, timeoutSeconds: 30, ignore: [] };

const schema = z.strictObject({
  concurrency: z.number().int().min(1).max(16).optional(),
  timeoutSeconds: z.number().min(1).max(600).optional(),
  ignore: z
    .array(z.strictObject({ rule: z.string().trim().min(1), reason: z.string().trim().min(10) }))
    .optional(),
});

export function loadAuditConfig(root: string): AuditConfig {
  const file = path.join(root, AUDIT_CONFIG_FILE);
  if (!fs.existsSync(file)) return DEFAULTS;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(AUDIT_CONFIG_FILE, undefined, `The audit settings are not valid JSON (${(error as Error).message}).`, "fix the JSON syntax, or delete the file to use the defaults.");
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") || (issue?.code === "unrecognized_keys" ? issue.keys.join(", ") : "");
    const ignoring = issue?.path[0] === "ignore";
    throw new InputError(
      AUDIT_CONFIG_FILE,
      undefined,
      `The audit setting "${where}" is not valid: ${issue?.message ?? "unknown problem"}.`,
      ignoring
        ? 'every ignored rule needs a written reason: { "rule": "color-contrast", "reason": "why it does not apply here" }.'
        : 'allowed settings: "concurrency" (1-16), "timeoutSeconds" (1-600) and "ignore" (a list of { "rule", "reason" }).',
    );
  }
  return { ...DEFAULTS, ...result.data };
}
