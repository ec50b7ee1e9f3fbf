/** Slack payload fixtures (test/fixtures/slack), parsed and pointed at the mock's response_url. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const cache = new Map<string, string>();
const read = (name: string): unknown => {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return JSON.parse(text);
};

const slashSchema = z.record(z.string(), z.string());
const blockActionsSchema = z.looseObject({
  response_url: z.string(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string() })).min(1),
});

/** Form fields of a slash command, as Slack posts them. */
export function slashCommand(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...slashSchema.parse(read('slash-command.json')), ...overrides };
}

/** A `block_actions` payload for one button click. */
export function blockActions(opts: { responseUrl: string; value: string; actionId?: string }) {
  const fixture = blockActionsSchema.parse(read('block-actions.json'));
  const [first] = fixture.actions;
  return {
    ...fixture,
    response_url: opts.responseUrl,
    actions: [{ ...first, action_id: opts.actionId ?? 'sb_action_0', value: opts.value }],
  };
}

export const appHomeOpened = (): unknown => read('app-home-opened.json');
export const socketHello = (): unknown => read('socket-hello.json');
