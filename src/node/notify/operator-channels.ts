import { join } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../../domain/problems.ts';
import { allowedKeysAt } from '../../domain/schema-keys.ts';
import {
  ComponentsFileSchema,
  NotificationChannelSchema,
  NotificationsSchema,
  type NotificationChannel,
} from '../../domain/schema/index.ts';
import { problemsFromZod } from '../../domain/zod-problems.ts';
import { componentsFileName } from '../load-repository.ts';
import { readRegularFile } from '../regular-file.ts';
import { decodeSourceFile } from '../source-file.ts';
import { parseYamlWithPositions } from '../yaml-source.ts';

export interface OperatorSettings {
  /** `page.name` and `page.url` when they are strings; the rest of the page is not checked. */
  pageName: string | undefined;
  pageUrl: string | undefined;
  /** `page.language` when it is a string; the alert checks it is a bundled language. */
  language: string | undefined;
  /** Channels that pass the channel schema and list `build_failed`. */
  channels: NotificationChannel[];
  /** Channels that do not pass the schema: reported, skipped, never a reason to stay silent. */
  problems: Problem[];
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads only what an operator alert needs from components.yml: the rebuild may have failed
 * because the content is invalid, so components and incidents are not validated, and each
 * channel is checked on its own. Fails only when the file itself cannot be read as YAML.
 */
export function readOperatorSettings(
  root: string,
): { ok: true; value: OperatorSettings } | { ok: false; problems: Problem[] } {
  const file = componentsFileName;
  const read = readRegularFile(file, join(root, file));
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const decoded = decodeSourceFile(file, read.bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const yaml = parseYamlWithPositions(file, decoded.text, 0);
  if (!yaml.ok) return { ok: false, problems: yaml.problems };
  const data = isMapping(yaml.value.data) ? yaml.value.data : {};
  const page = isMapping(data.page) ? data.page : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const settings: OperatorSettings = {
    pageName: text(page.name),
    pageUrl: text(page.url),
    // The first of `languages` on a page in several languages: the one its operators read first.
    language: text(page.language) ?? (Array.isArray(page.languages) ? text(page.languages[0]) : undefined),
    channels: [],
    problems: [],
  };
  const { locate } = yaml.value;
  const notifications = data.notifications;
  if (notifications === undefined) return { ok: true, value: settings };
  // Issues are re-rooted at the file, so messages and positions read exactly as the validator's.
  const report = (error: z.ZodError, prefix: (string | number)[]) =>
    settings.problems.push(
      ...problemsFromZod(
        file,
        new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }))),
        data,
        locate,
        (path) => allowedKeysAt(ComponentsFileSchema, path),
      ),
    );
  const list = isMapping(notifications) ? notifications.channels : undefined;
  if (!Array.isArray(list)) {
    const checked = NotificationsSchema.safeParse(notifications);
    if (!checked.success) report(checked.error, ['notifications']);
    return { ok: true, value: settings };
  }
  list.forEach((item, index) => {
    const checked = NotificationChannelSchema.safeParse(item);
    if (checked.success) {
      if (checked.data.events?.includes('build_failed')) settings.channels.push(checked.data);
      return;
    }
    report(checked.error, ['notifications', 'channels', index]);
  });
  return { ok: true, value: settings };
}
