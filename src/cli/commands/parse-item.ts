// Validates one JSON line of a CLI input against its schema, naming the line and the field.
import type { z } from 'zod';
import { UserError } from '../errors.ts';

export function parseItem<S extends z.ZodType>(
  schema: S,
  value: unknown,
  command: string,
  line: number,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'line';
  throw new UserError(`${command}: line ${line}: ${where}: ${issue?.message ?? 'invalid'}`);
}
