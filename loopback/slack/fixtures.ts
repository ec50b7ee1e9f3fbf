/** Slack payload fixtures (test/fixtures/slack), parsed and pointed at the mock's response_url. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const cache = new Map<string, string>();
const read = (name: string): unknown => {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return JSON.parse(text);
};

const slashSchema = z.record(z.string(), z.string());
const blockActionsSchema = z.looseObject({
  response_url: z.string(),
  user: z.looseObject({ id: z.string(), team_id: z.string() }),
  team: z.looseObject({ id: z.string() }),
  container: z.looseObject({ message_ts: z.string() }),
  message: z.looseObject({ ts: z.string() }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string() })).min(1),
});

/** Form fields of a slash command, as Slack posts them. */
export function slashCommand(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...slashSchema.parse(read('slash-command.json')), ...overrides };
}

export interface ClickOptions {
  responseUrl: string;
  value: string;
  actionId?: string;
  /** Who clicked; default the fixture's U0STUDENT. */
  user?: string;
  /** Their Slack name; default the fixture's anna. */
  name?: string;
  /** The workspace; default the fixture's T0TEST. */
  team?: string;
  /** The ts of the message the button sits on. */
  messageTs?: string;
}

/** A `block_actions` payload for one button click. */
export function blockActions(opts: ClickOptions) {
  const fixture = blockActionsSchema.parse(read('block-actions.json'));
  const [first] = fixture.actions;
  const team = opts.team ?? fixture.team.id;
  const ts = opts.messageTs ?? fixture.message.ts;
  return {
    ...fixture,
    user: { ...fixture.user, id: opts.user ?? fixture.user.id, team_id: team, ...(opts.name ? { name: opts.name, username: opts.name } : {}) },
    team: { ...fixture.team, id: team },
    container: { ...fixture.container, message_ts: ts },
    message: { ...fixture.message, ts },
    response_url: opts.responseUrl,
    actions: [{ ...first, action_id: opts.actionId ?? 'sb_action_0', value: opts.value }],
  };
}

const homeSchema = z.looseObject({ team_id: z.string(), event_id: z.string(), event: z.looseObject({ user: z.string() }) });

let events = 0;

/** An `app_home_opened` event callback; `team` and `user` default to the fixture's T0TEST and U0STUDENT. Each call is a new event with its own id, as Slack sends them. */
export function appHomeOpened(opts: { team?: string; user?: string; eventId?: string } = {}) {
  const fixture = homeSchema.parse(read('app-home-opened.json'));
  const team = opts.team ?? fixture.team_id;
  const authorizations = [{ enterprise_id: null, team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }];
  return {
    ...fixture,
    event_id: opts.eventId ?? `${fixture.event_id}${++events}`,
    team_id: team,
    authorizations,
    event: { ...fixture.event, user: opts.user ?? fixture.event.user },
  };
}
export const socketHello = (): unknown => read('socket-hello.json');
