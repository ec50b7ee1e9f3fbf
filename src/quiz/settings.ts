/** A space's quiz settings: whether generated questions wait for approval, and how long a question stays open. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';

export const DEFAULT_CLOSE_MINUTES = 60;
export const MAX_CLOSE_MINUTES = 7 * 24 * 60;

const SettingsRow = z.object({ approval: z.number().int(), close_minutes: z.number().int().min(1).max(MAX_CLOSE_MINUTES) });

export interface QuizSettings {
  space: string;
  approval: boolean;
  closeMinutes: number;
}

export function getSettings(db: DB, space: string): QuizSettings {
  const raw = db.prepare('SELECT approval, close_minutes FROM quiz_settings WHERE space = ?').get(space);
  const row = raw ? SettingsRow.safeParse(raw) : null;
  if (!row?.success) return { space, approval: false, closeMinutes: DEFAULT_CLOSE_MINUTES };
  return { space, approval: row.data.approval === 1, closeMinutes: row.data.close_minutes };
}

export function saveSettings(db: DB, s: QuizSettings): void {
  db.prepare(
    `INSERT INTO quiz_settings (space, approval, close_minutes) VALUES (?, ?, ?)
     ON CONFLICT(space) DO UPDATE SET approval = excluded.approval, close_minutes = excluded.close_minutes`,
  ).run(s.space, s.approval ? 1 : 0, s.closeMinutes);
}

/** Changes how long new question posts stay open; returns before/after for an audit log. */
export function setCloseMinutes(db: DB, space: string, minutes: number): { before: QuizSettings; after: QuizSettings } {
  return db
    .transaction(() => {
      const before = getSettings(db, space);
      const after = { ...before, closeMinutes: minutes };
      saveSettings(db, after);
      return { before, after };
    })
    .immediate();
}
